//! Minimal CSV writing (RFC 4180): enough for the exports, with quoting
//! that spreadsheet programs read back exactly.

/// Appends one row, quoting fields that need it, ending with CRLF.
pub fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field.as_ref());
    }
    out.push_str("\r\n");
}

fn push_field(out: &mut String, field: &str) {
    // A leading = + - @ makes spreadsheets run the cell as a formula; a
    // quote mark in front keeps it text (CSV injection).
    let guarded = field.starts_with(['=', '+', '-', '@']);
    let needs_quotes = guarded || field.contains([',', '"', '\n', '\r']);
    if !needs_quotes {
        out.push_str(field);
        return;
    }
    out.push('"');
    if guarded {
        out.push('\'');
    }
    out.push_str(&field.replace('"', "\"\""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_quotes_and_newlines() {
        let mut out = String::new();
        push_row(
            &mut out,
            &["plain", "a,b", "say \"hi\"", "two\nlines", "Zoë"],
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",Zoë\r\n"
        );
    }

    #[test]
    fn formula_like_cells_stay_text() {
        let mut out = String::new();
        push_row(&mut out, &["=1+1"]);
        assert_eq!(out, "\"'=1+1\"\r\n");
    }
}

namespace PrivacyHoldout70.Support;

// A stand-in for the CSV reader the import jobs use. A row keeps its raw line and line number.

public sealed class CsvRow(int lineNumber, string rawLine, IReadOnlyDictionary<string, string> fields)
{
    public int LineNumber { get; } = lineNumber;

    public string RawLine { get; } = rawLine;

    public string this[string column] => fields.TryGetValue(column, out var value) ? value : string.Empty;

    public bool Has(string column) => fields.ContainsKey(column) && fields[column].Length > 0;

    public int FieldCount => fields.Count;
}

public sealed class CsvReader(IEnumerable<string> lines)
{
    public IReadOnlyList<string> Header { get; private set; } = [];

    public IEnumerable<CsvRow> Rows()
    {
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var cells = line.Split(',');
            if (number == 1)
            {
                Header = cells;
                continue;
            }
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Header.Count && i < cells.Length; i++)
            {
                fields[Header[i]] = cells[i].Trim();
            }
            yield return new CsvRow(number, line, fields);
        }
    }
}

/// <summary>Thrown by a row mapper when a cell cannot be read; the message quotes the cell, as CSV libraries do.</summary>
public sealed class CsvFieldException(int line, string column, string value)
    : Exception($"Line {line}: cannot convert '{value}' in column '{column}'")
{
    public int Line { get; } = line;

    public string Column { get; } = column;
}

/// <summary>The audit store the admin consoles write to. Writing a row is not telemetry.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>An audit record of an administrator's action. It prints its members, as records do.</summary>
public sealed record AuditRecord(
    Guid Id,
    string TenantId,
    string Action,
    string ActorUpn,
    string TargetUserName,
    DateTimeOffset At,
    string? Reason);

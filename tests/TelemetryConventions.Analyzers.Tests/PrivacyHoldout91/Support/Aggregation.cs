namespace ReportKit.Aggregation;

/// <summary>One cell of a pivot: a row key, a column key and the count or sum. Prints its members.</summary>
public sealed record PivotCell(string Row, string Column, decimal Value, int Count);

/// <summary>A pivot table: rows by columns.</summary>
public sealed class PivotTable
{
    public required string RowDimension { get; init; }

    public required string ColumnDimension { get; init; }

    public required IReadOnlyList<PivotCell> Cells { get; init; }

    public IEnumerable<string> RowKeys => Cells.Select(c => c.Row).Distinct();

    public IEnumerable<string> ColumnKeys => Cells.Select(c => c.Column).Distinct();

    public static PivotTable Build<T>(IEnumerable<T> items, string rowDimension, Func<T, string> row, string columnDimension, Func<T, string> column, Func<T, decimal> value) =>
        new()
        {
            RowDimension = rowDimension,
            ColumnDimension = columnDimension,
            Cells = items.GroupBy(i => (Row: row(i), Column: column(i)))
                .Select(g => new PivotCell(g.Key.Row, g.Key.Column, g.Sum(value), g.Count()))
                .ToList(),
        };
}

/// <summary>What suppression left of a pivot. Prints its members (the table as its type's name).</summary>
public sealed record SuppressionResult(PivotTable Table, int SuppressedCells, int Threshold)
{
    public IReadOnlyList<PivotCell> Suppressed { get; init; } = Array.Empty<PivotCell>();
}

/// <summary>Small-cell suppression as statistical disclosure control asks: cells counting fewer people than the threshold are blanked.</summary>
public static class SmallCellSuppression
{
    public static SuppressionResult Apply(PivotTable table, int threshold)
    {
        var suppressed = table.Cells.Where(c => c.Count > 0 && c.Count < threshold).ToList();
        var kept = table.Cells.Select(c => suppressed.Contains(c) ? c with { Value = 0, Count = 0 } : c).ToList();
        return new SuppressionResult(new PivotTable { RowDimension = table.RowDimension, ColumnDimension = table.ColumnDimension, Cells = kept }, suppressed.Count, threshold)
        {
            Suppressed = suppressed,
        };
    }
}

namespace TelemetryConventions.Conventions.Model;

/// <summary>
/// Where something sits in a convention file. Lines and columns are zero-based (as Roslyn's
/// <c>LinePosition</c>); offsets are character offsets into the file text.
/// </summary>
public readonly record struct SourceSpan(
    string FilePath,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    int StartOffset,
    int EndOffset)
{
    public static SourceSpan FileStart(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);

    /// <summary>One-based "line:column", as editors show it.</summary>
    public override string ToString() => $"{FilePath}({StartLine + 1},{StartColumn + 1})";
}

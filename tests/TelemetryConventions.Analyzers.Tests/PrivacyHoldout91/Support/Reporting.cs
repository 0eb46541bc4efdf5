namespace ReportKit;

// A report server client in the shape of SQL Server Reporting Services' execution API, reduced to what
// the services call: report definitions, parameters, rendering, the server's errors.

public enum RenderFormat
{
    Html,
    Csv,
    Excel,
    Pdf,
}

public static class RenderFormats
{
    public static string Extension(RenderFormat format) => format switch
    {
        RenderFormat.Csv => "csv",
        RenderFormat.Excel => "xlsx",
        RenderFormat.Pdf => "pdf",
        _ => "html",
    };

    public static string MimeType(RenderFormat format) => format switch
    {
        RenderFormat.Csv => "text/csv",
        RenderFormat.Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        RenderFormat.Pdf => "application/pdf",
        _ => "text/html",
    };
}

/// <summary>A published report. Prints its members.</summary>
public sealed record ReportDefinition(string Id, string Path, string Name, string Dataset, IReadOnlyList<ReportParameterDefinition> Parameters);

public enum ParameterType
{
    String,
    Integer,
    DateTime,
    Boolean,
}

/// <summary>A parameter the report declares. Prints its members.</summary>
public sealed record ReportParameterDefinition(string Name, ParameterType Type, bool Nullable = false, bool MultiValue = false, string? Prompt = null);

/// <summary>A parameter value sent with a render request, as SSRS' <c>ReportParameter</c>: a class that does not override <c>ToString</c>.</summary>
public sealed class ReportParameter
{
    public ReportParameter(string name, string? value)
    {
        Name = name;
        Values = value is null ? new List<string>() : new List<string> { value };
    }

    public ReportParameter(string name, IEnumerable<string> values)
    {
        Name = name;
        Values = values.ToList();
    }

    public string Name { get; }

    public IList<string> Values { get; }

    public bool Visible { get; set; } = true;
}

/// <summary>What the report server rendered. Prints its members (the content as its type's name).</summary>
public sealed record RenderResult(byte[] Content, string MimeType, string Extension, IReadOnlyList<string> Warnings)
{
    public int PageCount { get; init; }
}

public interface IReportExecutionService
{
    Task<ReportDefinition?> GetDefinitionAsync(string reportId, CancellationToken cancellationToken = default);

    Task<RenderResult> RenderAsync(string reportPath, IEnumerable<ReportParameter> parameters, RenderFormat format, CancellationToken cancellationToken = default);
}

/// <summary>
/// The report server's SOAP fault: an error code such as <c>rsReportParameterValueNotSet</c> or
/// <c>rsInvalidReportParameter</c>, and the server's message, which names the report and the parameter but
/// not the value (<c>The value provided for the report parameter 'ClassCode' is not valid for its type.</c>).
/// </summary>
public sealed class ReportServerException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public static ReportServerException MissingValue(string parameter) =>
        new("rsReportParameterValueNotSet", $"The '{parameter}' parameter is missing a value");

    public static ReportServerException InvalidValue(string parameter) =>
        new("rsInvalidReportParameter", $"The value provided for the report parameter '{parameter}' is not valid for its type.");

    public static ReportServerException NotFound(string path) =>
        new("rsItemNotFound", $"The item '{path}' cannot be found.");
}

/// <summary>Links that open another report with parameters, as drill-through actions do.</summary>
public static class DrillThrough
{
    public static string Link(string baseUrl, string reportPath, IReadOnlyDictionary<string, string> parameters) =>
        $"{baseUrl.TrimEnd('/')}/reports{reportPath}?" + string.Join("&", parameters.Select(p => $"{System.Uri.EscapeDataString(p.Key)}={System.Uri.EscapeDataString(p.Value)}"));

    public static System.Uri ToUri(string baseUrl, string reportPath, IReadOnlyDictionary<string, string> parameters) =>
        new(Link(baseUrl, reportPath, parameters));
}

/// <summary>The query string of a report request, as ASP.NET Core's <c>IQueryCollection</c> holds it.</summary>
public sealed class QueryCollection(Dictionary<string, string> values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => values.TryGetValue(key, out var value) ? value : string.Empty;

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<string> Values => values.Values;

    public int Count => values.Count;

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The request a report endpoint serves.</summary>
public sealed class ReportHttpRequest
{
    public string Path { get; init; } = "/";

    /// <summary>The raw query string, with its leading <c>?</c>, as <c>Request.QueryString.Value</c>.</summary>
    public string QueryString { get; init; } = string.Empty;

    public QueryCollection Query { get; init; } = new(new Dictionary<string, string>());

    public ClaimsUser User { get; init; } = new();

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");
}

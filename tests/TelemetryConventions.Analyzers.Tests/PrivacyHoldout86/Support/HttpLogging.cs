namespace PrivacyHoldout86.Support.HttpLogging;

// Stand-ins for Microsoft.AspNetCore.HttpLogging: the HTTP logging and W3C logging options and the
// interceptor hook. The middleware logs what the options and the interceptor leave in, through ILogger
// ("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"), or as lines of a W3C log file.

[Flags]
public enum HttpLoggingFields : long
{
    None = 0,
    RequestPath = 0x1,
    RequestQuery = 0x2,
    RequestProtocol = 0x4,
    RequestMethod = 0x8,
    RequestScheme = 0x10,
    ResponseStatusCode = 0x20,
    RequestHeaders = 0x40,
    ResponseHeaders = 0x80,
    RequestTrailers = 0x100,
    ResponseTrailers = 0x200,
    RequestBody = 0x400,
    ResponseBody = 0x800,
    Duration = 0x1000,
    RequestProperties = RequestPath | RequestProtocol | RequestMethod | RequestScheme,
    RequestPropertiesAndHeaders = RequestProperties | RequestHeaders,
    ResponsePropertiesAndHeaders = ResponseStatusCode | ResponseHeaders,
    Request = RequestPropertiesAndHeaders | RequestBody,
    Response = ResponsePropertiesAndHeaders | ResponseBody,
    All = Request | Response | Duration,
}

public sealed class MediaTypeOptions
{
    public List<string> TextTypes { get; } = new();

    public void AddText(string contentType) => TextTypes.Add(contentType);

    public void Clear() => TextTypes.Clear();
}

public sealed class HttpLoggingOptions
{
    public HttpLoggingFields LoggingFields { get; set; } = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponsePropertiesAndHeaders;

    public ISet<string> RequestHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public ISet<string> ResponseHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public MediaTypeOptions MediaTypeOptions { get; } = new();

    public int RequestBodyLogLimit { get; set; } = 32 * 1024;

    public int ResponseBodyLogLimit { get; set; } = 32 * 1024;

    public bool CombineLogs { get; set; }
}

[Flags]
public enum W3CLoggingFields : long
{
    None = 0,
    Date = 0x1,
    Time = 0x2,
    ClientIpAddress = 0x4,
    UserName = 0x8,
    ServerName = 0x10,
    ServerIpAddress = 0x20,
    ServerPort = 0x40,
    Method = 0x80,
    UriStem = 0x100,
    UriQuery = 0x200,
    ProtocolStatus = 0x400,
    TimeTaken = 0x800,
    ProtocolVersion = 0x1000,
    Host = 0x2000,
    UserAgent = 0x4000,
    Cookie = 0x8000,
    Referer = 0x10000,
    ConnectionInfoFields = ClientIpAddress | ServerIpAddress | ServerPort,
    RequestHeaders = Host | Referer | UserAgent | Cookie,
    All = Date | Time | ServerName | Method | UriStem | UriQuery | ProtocolStatus | TimeTaken | ProtocolVersion | UserName | ConnectionInfoFields | RequestHeaders,
}

public sealed class W3CLoggerOptions
{
    public W3CLoggingFields LoggingFields { get; set; } = W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.ClientIpAddress | W3CLoggingFields.Method | W3CLoggingFields.UriStem | W3CLoggingFields.ProtocolStatus | W3CLoggingFields.TimeTaken;

    public ISet<string> AdditionalRequestHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public string LogDirectory { get; set; } = "logs";

    public string FileName { get; set; } = "w3clog";

    public int? FileSizeLimit { get; set; }

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class HttpLoggingInterceptorContext
{
    private readonly List<KeyValuePair<string, object?>> _parameters = new();

    public required HttpContext HttpContext { get; init; }

    public HttpLoggingFields LoggingFields { get; set; }

    public int RequestBodyLogLimit { get; set; }

    public int ResponseBodyLogLimit { get; set; }

    public IList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary>Adds a field that the middleware writes into its request or response log.</summary>
    public void AddParameter(string key, object? value) => _parameters.Add(new(key, value));

    public bool IsAnyEnabled(HttpLoggingFields fields) => (LoggingFields & fields) != 0;

    public void Enable(HttpLoggingFields fields) => LoggingFields |= fields;

    public bool TryDisable(HttpLoggingFields fields)
    {
        var was = IsAnyEnabled(fields);
        LoggingFields &= ~fields;
        return was;
    }
}

public interface IHttpLoggingInterceptor
{
    ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext);

    ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext);
}

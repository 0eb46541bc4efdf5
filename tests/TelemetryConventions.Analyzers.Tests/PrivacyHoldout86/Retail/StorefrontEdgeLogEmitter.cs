namespace PrivacyHoldout86.Retail;

/// <summary>
/// Writes one JSON edge-log line per storefront request, in the CDN's format, so that the shop's own
/// origin logs and the CDN's can be joined by ray id. Storefront pages include
/// <c>/account/{customerNumber}/addresses</c> and <c>/search?q=</c>.
/// </summary>
public sealed class StorefrontEdgeLogEmitter(ILogger<StorefrontEdgeLogEmitter> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Emit(HttpContext context, string rayId, double seconds)
    {
        var record = new EdgeLogRecord
        {
            ClientIp = ForwardedFor.ClientAddress(context),
            Method = context.Request.Method,
            Host = context.Request.Host,
            Uri = context.Request.Path.ToString(),
            QueryString = context.Request.QueryString.ToString(),
            Status = context.Response.StatusCode,
            TimeTakenSeconds = seconds,
            UserAgent = context.Request.Headers.UserAgent,
            RayId = rayId,
        };

        logger.LogInformation("{EdgeLine}", JsonSerializer.Serialize(record, Json)); // leak TC1001 logging-objects
        logger.LogInformation("{EdgeLine}", JsonSerializer.Serialize(new { record.RayId, record.Method, Route = PathNormalizer.Template(context), record.Status, record.TimeTakenSeconds }, Json)); // clean logging-objects
        var search = context.Request.Query.GetValueOrDefault("q");
        logger.LogInformation("Storefront search {Terms} ray {RayId}", search, rayId); // leak TC1001 direct
        logger.LogInformation("Storefront search of {Words} words ray {RayId}", search?.Split(' ').Length ?? 0, rayId); // clean precision-about
        Activity.Current?.SetTag("edge.line", record.ToString()); // leak TC1001 strings
    }
}

namespace PrivacyHoldout69.Media;

/// <summary>
/// The message handler of the ranker's typed HttpClient (<c>AddHttpMessageHandler</c>): the
/// personalisation team logs every call for model monitoring. The ranker's API puts the profile in
/// the path (<c>v2/profiles/{profileId}/rows/{row}:rank</c>) and the request body holds the profile
/// id, the seed titles and the device class; the response body holds titles and scores.
/// </summary>
public sealed class ScoringAuditHandler(ILogger<ScoringAuditHandler> logger) : DelegatingHandler
{
    private static readonly ActivitySource Source = new("Streaming.Home.RankerClient");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ranker.call", ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", "v2/profiles/{profileId}/rows/{row}:rank"); // clean precision-names
        activity?.SetTag("url.full", request.RequestUri?.ToString()); // leak TC1001 strings
        if (request.Headers.TryGetValues("X-Profile-Id", out var profileHeader))
        {
            activity?.SetTag("ranker.profile_header", string.Join(",", profileHeader)); // leak TC1001 cross-member
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        logger.LogDebug("Ranker request {Method} {Path}", request.Method, request.RequestUri?.AbsolutePath); // leak TC1001 strings
        logger.LogDebug("Ranker request body ({Length} bytes): {Body}", body.Length, body); // leak TC1001 strings

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Ranker call failed after {Elapsed} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean exceptions
            throw;
        }

        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        activity?.SetTag("http.response.status_code", (int)response.StatusCode); // clean precision-about
        logger.LogDebug("Ranker answered {Status} in {Elapsed} ms: {Scores}", (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, answer); // clean precision-about
        return response;
    }
}

namespace Capturekit;

// The platform team's request capture and replay kit. Captured requests are written to the capture
// store (not telemetry) so that a failing request can be replayed against a fixed build. What prints what:
// - CapturedRequest is a positional record: it prints its id, method, path, query, the type name of
//   its headers, its body and when it was captured.
// - CaptureRedactor.Redact returns a copy whose path is the route template, whose query is empty,
//   whose body is replaced by its length and whose headers are cut to the allow list.
// - ReplayMismatchException's message quotes the capture id, the two statuses, and the captured
//   request's path and query.

public sealed record CapturedRequest(string CaptureId, string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body, DateTimeOffset CapturedAt)
{
    public static CapturedRequest Of(PrivacyHoldout76.Support.IncomingRequest request) =>
        new(Guid.NewGuid().ToString("N"), request.Method, request.Path, request.Query, request.Headers, request.Body, DateTimeOffset.UtcNow);
}

public sealed class CaptureRedactor(IReadOnlySet<string> allowedHeaders)
{
    public static CaptureRedactor Default { get; } = new(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Content-Type", "Accept", "User-Agent", "X-Correlation-Id" });

    public CapturedRequest Redact(CapturedRequest request, string routeTemplate) => request with
    {
        Path = routeTemplate,
        Query = string.Empty,
        Body = request.Body is null ? null : $"<{request.Body.Length} chars>",
        Headers = request.Headers.Where(h => allowedHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value),
    };
}

public interface ICaptureStore
{
    Task SaveAsync(CapturedRequest request, CancellationToken cancellationToken);

    Task<CapturedRequest> LoadAsync(string captureId, CancellationToken cancellationToken);
}

public sealed record ReplayResult(string CaptureId, int OriginalStatus, int ReplayStatus, string? ReplayBody, TimeSpan Elapsed);

public interface IReplayClient
{
    Task<ReplayResult> ReplayAsync(CapturedRequest request, int originalStatus, string targetVersion, CancellationToken cancellationToken);
}

public sealed class ReplayMismatchException(CapturedRequest request, int expected, int actual)
    : Exception($"Replay of {request.CaptureId} returned {actual}, expected {expected}: {request.Method} {request.Path}{request.Query}")
{
    public string CaptureId { get; } = request.CaptureId;

    public int Expected { get; } = expected;

    public int Actual { get; } = actual;
}

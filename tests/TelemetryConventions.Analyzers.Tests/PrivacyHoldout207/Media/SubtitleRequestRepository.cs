using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Media;

/// <summary>Viewers who are deaf, hard of hearing or blind ask for subtitles, signing or audio description on a programme.</summary>
public sealed partial class SubtitleRequestRepository(ILogger<SubtitleRequestRepository> logger, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, TelemetrySecrets secrets)
{
    private readonly List<SubtitleRequest> _requests = new();
    private SubtitleRequest? _longestComment;

    public void Add(SubtitleRequest request)
    {
        using var span = source.StartSignalcareOperation(request.ProgrammeId);
        var viewer = pseudonymizer.PseudonymizeSignalcareClientId(request.ViewerId);
        span.SetSignalcareClientId(viewer); // clean precision-pseudonym
        span.SetSignalcareMode(request.Kind); // clean generated-api
        span.SetSignalcareNote(request.Comment); // leak TC1001 generated-api
        span.SetSignalcareNote($"Request {request.RequestId}, comment of {request.Comment.Length} chars"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("subtitles.request.id", request.RequestId); // clean precision-names
        activity?.SetTag("subtitles.programme.id", request.ProgrammeId); // clean precision-names
        activity?.SetTag("subtitles.viewer.id", request.ViewerId); // leak TC1001 direct
        activity?.SetTag("subtitles.viewer.email", request.ViewerEmail); // leak TC1001 direct
        activity?.SetTag("subtitles.viewer_email_verified", true); // clean precision-names
        activity?.SetTag("subtitles.comment", request.Comment); // leak TC1001 direct
        activity?.SetTag("subtitles.comment.words", request.Comment.Split(' ').Length); // clean precision-about
        activity?.SetTag(SignalcareAttributes.Contact, viewer.Value); // leak TC1001 precision-pseudonym

        var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.ViewerEmail)));
        logger.LogDebug("Viewer key {Key}", hash); // leak TC1002 hashes
        var sample = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.ViewerId))[0] < 26;
        activity?.SetTag("subtitles.sampled", sample); // clean hashes

        _requests.Add(request);
        if (_longestComment is null || request.Comment.Length > _longestComment.Comment.Length)
        {
            _longestComment = request;
        }

        logger.LogInformation("Request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Request {Request}", request with { ViewerId = "", ViewerEmail = "", Comment = "" }); // clean logging-objects
        LogRequested(logger, request.ProgrammeId, request.ViewerEmail); // clean logging-objects
        meter.CreateSignalcareOperationsCounter().Add(1, request.ProgrammeId, request.Kind); // clean generated-api
    }

    public void Publish()
    {
        var activity = Activity.Current;
        activity?.SetTag("subtitles.requests", _requests.Count); // clean cross-member
        activity?.SetTag("subtitles.longest_comment", _longestComment?.Comment); // leak TC1001 cross-member
        activity?.SetTag("subtitles.longest_programme", _longestComment?.ProgrammeId); // clean cross-member
        logger.LogInformation("Programmes asked for: {Programmes}", string.Join(",", _requests.Select(r => r.ProgrammeId).Distinct())); // clean strings
        logger.LogInformation("Viewers to thank: {Viewers}", string.Join(",", _requests.Select(r => r.ViewerEmail))); // leak TC1001 strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subtitles requested on {ProgrammeId} by {ViewerEmail}")]
    private static partial void LogRequested(ILogger logger, string programmeId, [PrivateData] string viewerEmail);
}

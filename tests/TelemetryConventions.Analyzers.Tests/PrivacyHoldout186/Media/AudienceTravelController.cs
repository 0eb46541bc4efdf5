namespace PrivacyHoldout186.Media;

/// <summary>A broadcaster's studio audience desk: travel for older and disabled audience members and their companions.</summary>
[ApiController]
[Route("api/audience-travel")]
public sealed partial class AudienceTravelController(IHolderNotifier notifier, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<AudienceTravelController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.AudienceTravel");
    private static readonly Meter Meter = new("Broadcaster.AudienceTravel");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("audience_travel.requests");

    private AudienceTravelRequest? _lastRequest;

    [HttpPost("requests")]
    public async Task<ActionResult> Request([FromBody] AudienceTravelRequest request, CancellationToken cancellationToken)
    {
        _lastRequest = request;
        using var activity = Source.StartActivity("audience_travel.request");
        activity?.SetTag("request.id", request.RequestId); // clean precision-names
        activity?.SetTag("show.id", request.ShowId); // clean precision-names
        activity?.SetTag("request.concession", request.ConcessionType); // clean precision-names
        activity?.SetTag("member.id", request.MemberId); // leak TC1001 direct
        activity?.SetTag("member.phone", request.Phone); // leak TC1001 direct
        activity?.SetTag("member.phone.prefix", request.Phone[..3]); // clean precision-about
        activity?.SetTag("member.companion_pass", request.CompanionPassNumber); // leak TC1001 direct
        activity?.SetTag("member.has_companion", !string.IsNullOrEmpty(request.CompanionPassNumber)); // clean precision-about
        activity?.SetTag("member.ref", pseudonymizer.PseudonymizeAudiencefareClientId(request.MemberId)); // clean precision-pseudonym
        activity?.SetTag("member.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.MemberId + request.Phone)))); // leak TC1002 hashes
        activity?.SetTag("member.partition", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.MemberId)))[..2]); // clean hashes
        Activity.Current?.AddBaggage("audience.show", request.ShowId); // clean precision-names
        Activity.Current?.AddBaggage("audience.member", request.MemberId); // leak TC1001 direct

        Requests.Add(1, new KeyValuePair<string, object?>("show", request.ShowId), new KeyValuePair<string, object?>("concession", request.ConcessionType)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeAudiencefareClientId(request.MemberId))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Travel request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Travel request {Request}", new { request.RequestId, request.ShowId, request.ConcessionType }); // clean logging-objects
        logger.LogInformation("Travel request {Request}", new { request.RequestId, request.MemberName }); // leak TC1001 logging-objects
        LogRequest(logger, request.RequestId, request.MemberName); // clean logging-objects
        LogRequestPlain(logger, request.RequestId, request.MemberName); // leak TC1001 direct

        var line = new StringBuilder();
        line.Append("travel ").Append(request.RequestId).Append(" for show ").Append(request.ShowId);
        logger.LogDebug("{Line}", line.ToString()); // clean strings
        line.Append(" phone ").Append(request.Phone);
        logger.LogDebug("{Line}", line.ToString()); // leak TC1001 strings

        await notifier.SendAsync(request.Phone, "Your travel", $"Show {request.ShowId}", cancellationToken);
        return Ok(request.RequestId);
    }

    [HttpPost("requests/{requestId}/companion")]
    public ActionResult Companion(string requestId, string carerName)
    {
        using var span = Source.StartAudiencefareOperation("audience-desk");
        try
        {
            if (_lastRequest?.RequestId != requestId)
            {
                throw new CompanionNotAuthorisedException(carerName, _lastRequest?.CompanionPassNumber ?? "unknown");
            }

            span.SetAudiencefareConcession("companion"); // clean generated-api
            span.SetAudiencefareNote($"companion confirmed for {requestId}"); // clean generated-api
            span.SetAudiencefareNote($"companion {carerName}"); // leak TC1001 generated-api
            return Ok();
        }
        catch (CompanionNotAuthorisedException ex)
        {
            span.SetAudiencefareOutcome("refused"); // clean generated-api
            span.SetAudiencefareNote(ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning("Companion refused: {Error}", ex.Message); // leak TC1001 exceptions
            return BadRequest("companion not on pass");
        }
    }

    public void Audit()
    {
        Activity.Current?.SetTag("audience.last_member", _lastRequest?.MemberName); // leak TC1001 cross-member
        Activity.Current?.SetTag("audience.last_show", _lastRequest?.ShowId); // clean cross-member
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Request {RequestId} from {MemberName}")]
    private static partial void LogRequest(ILogger logger, string requestId, [PrivateData] string memberName);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Request {RequestId} from {MemberName}")]
    private static partial void LogRequestPlain(ILogger logger, string requestId, string memberName);
}

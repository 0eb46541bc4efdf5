using Clinic.V1;

namespace PrivacyHoldout112.Healthcare;

public interface IResultsFeed
{
    IAsyncEnumerable<LabResult> FollowAsync(string ward, DateTime since, CancellationToken cancellationToken);
}

/// <summary>clinic.v1.LabResults: streams a ward's lab results to the ward's results board until the board goes away.</summary>
public sealed class LabResultsStreamService(
    IResultsFeed feed,
    Pseudonymizer pseudonymizer,
    ILogger<LabResultsStreamService> logger) : LabResults.LabResultsBase
{
    private static readonly ActivitySource Source = new("Trust.Epr.LabResults");

    private string _lastAbnormalPatient = string.Empty;
    private string _lastAbnormalLoinc = string.Empty;

    public override async Task StreamResults(ResultsSubscription request, IServerStreamWriter<LabResult> responseStream, ServerCallContext context)
    {
        using var span = Source.StartClinicrpcCall(context.Method).SetClinicrpcProtocol("grpc");
        var sent = 0;
        try
        {
            await foreach (var result in feed.FollowAsync(request.Ward, request.Since?.ToDateTime() ?? DateTime.UtcNow.AddHours(-1), context.CancellationToken))
            {
                await responseStream.WriteAsync(result);
                sent++;
                if (result.Abnormal)
                {
                    _lastAbnormalPatient = result.HospitalNumber;
                    _lastAbnormalLoinc = result.LoincCode;
                    Activity.Current?.AddEvent(new ActivityEvent("clinic.result.abnormal", tags: new ActivityTagsCollection
                    {
                        ["clinic.loinc"] = result.LoincCode, // clean precision-names
                        ["clinic.encounter.id"] = result.EncounterId, // clean precision-names
                        ["clinic.patient.id"] = pseudonymizer.ComputeClinicrpcPatientId(result.HospitalNumber), // clean precision-pseudonym
                    }));
                    logger.LogInformation("Abnormal {Loinc} result pushed for {HospitalNumber}", result.LoincCode, result.HospitalNumber); // leak TC1001 direct
                }
            }

            span.SetClinicrpcOutcome("completed").SetClinicrpcStreamMessages(sent); // clean precision-about
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            var remaining = context.Deadline - DateTime.UtcNow;
            span.SetClinicrpcOutcome(remaining <= TimeSpan.Zero ? "deadline" : "cancelled") // clean precision-names
                .AddClinicrpcStreamClosedEvent(sent, $"board left after {sent} results; last abnormal for {_lastAbnormalPatient}"); // leak TC1001 generated-api
            logger.LogInformation("Results stream for ward {Ward} closed after {Sent} results", request.Ward, sent); // clean precision-about
            logger.LogDebug("Last abnormal result was for {Patient}", _lastAbnormalPatient); // leak TC1001 cross-member
            logger.LogDebug("Last abnormal test was {Loinc}", _lastAbnormalLoinc); // clean cross-member
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Status.Detail); // clean exceptions
            logger.LogWarningResultsFeedTimedOut(request.Ward, ex); // clean exceptions
        }
    }
}

internal static partial class LabResultsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Results feed timed out for ward {Ward}")]
    public static partial void LogWarningResultsFeedTimedOut(this ILogger logger, string ward, Exception exception);
}

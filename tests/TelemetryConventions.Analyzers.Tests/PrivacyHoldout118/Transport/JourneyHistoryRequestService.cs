namespace PrivacyHoldout118.Transport;

/// <summary>
/// Riders ask for their journey history (every tap of their travel card) through the account site; the
/// history is exported as CSV with a download link, and the same export answers police requests under
/// the crime exemption, logged to the disclosure register.
/// </summary>
public sealed partial class JourneyHistoryRequestService(
    BlobContainerClient exports,
    IRequesterMailer mailer,
    Pseudonymizer pseudonymizer,
    PrivacyOptions options,
    ILogger<JourneyHistoryRequestService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Privacy.JourneyHistory");
    private static readonly Meter Meter = new("Transit.Privacy.JourneyHistory");
    private static readonly TrdsrRequestsCounter Requests = Meter.CreateTrdsrRequestsCounter();
    private static readonly Histogram<long> Taps = Meter.CreateHistogram<long>("trdsr.export.taps");

    public async Task ExportAsync(DataSubjectRequest request, Guid riderId, string cardNumber, IReadOnlyList<Tap> taps, Stream csv, CancellationToken ct)
    {
        using var span = Source.StartTrdsrRequest(request.RequestId.ToString(), "access");
        span.SetTrdsrSubjectId(pseudonymizer.PseudonymizeTrdsrSubjectId(riderId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("trdsr.card.last4", cardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("trdsr.card", cardNumber); // leak TC1001 direct
        span.Activity?.SetTag("trdsr.taps.count", taps.Count); // clean precision-about
        span.Activity?.SetTag("trdsr.routes", string.Join(",", taps.Select(t => t.Route).Distinct())); // clean precision-names
        logger.LogDebug("First tap {Tap}", taps.FirstOrDefault()); // leak TC1001 logging-objects
        Taps.Record(taps.Count, new KeyValuePair<string, object?>("operator", "metro")); // clean precision-names

        var blob = exports.GetBlobClient($"journeys/{cardNumber[^4..]}-{request.RequestId:N}.csv");
        await blob.UploadAsync(csv, overwrite: true, ct);
        var link = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(options.DownloadLinkLifetime));
        await mailer.SendAsync(request.ContactEmail, "Your journey history", link.ToString(), ct);
        span.Activity?.SetTag("trdsr.export.blob", blob.Name); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("link.issued", tags: new ActivityTagsCollection { ["link"] = link })); // leak TC1001 strings
        ExportReady(logger, request.RequestId, cardNumber); // leak TC1001 logging-objects
        logger.LogInformation("Journey history sent to {Email}", request.ContactEmail); // leak TC1001 cross-member
        Requests.Add(1, "access", "exported"); // clean generated-api
    }

    public void RecordPoliceDisclosure(string force, string crimeReference, string cardNumber, string officerCollarNumber)
    {
        using var span = Source.StartTrdsrRequest(crimeReference, "disclosure");
        span.Activity?.SetTag("trdsr.force", force); // clean precision-names
        span.Activity?.SetTag("trdsr.crime.reference", crimeReference); // clean precision-names
        span.SetTrdsrNote($"disclosed to {force} for card ending {cardNumber[^4..]}"); // clean generated-api
        span.SetTrdsrNote($"officer {officerCollarNumber} requested card {cardNumber}"); // leak TC1001 generated-api
        logger.LogInformation("Disclosure to {Force} under {Reference} by officer {Officer}", force, crimeReference, officerCollarNumber); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 9401, Level = LogLevel.Information, Message = "Journey export {RequestId} ready for card {CardNumber}")]
    private static partial void ExportReady(ILogger logger, Guid requestId, string cardNumber);
}

public sealed record Tap(string CardNumber, string Stop, string Route, DateTimeOffset At, decimal Fare);

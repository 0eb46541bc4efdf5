namespace PrivacyHoldout155.Transport;

/// <summary>
/// The ferry operator sends advance passenger information for each sailing to the border authority before
/// departure, and fixes records the gateway refuses (a missing date of birth, an unreadable document number).
/// </summary>
public sealed partial class AdvancePassengerInfoSubmitter(
    IApiGateway gateway,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AdvancePassengerInfoSubmitter> logger)
{
    private readonly Counter<long> _records = meter.CreateCounter<long>("api.records.sent", "{record}");
    private readonly List<ApiPassenger> _refused = [];
    private string? _sailing;

    public async Task SubmitAsync(string port, string sailing, IReadOnlyList<ApiPassenger> passengers, CancellationToken cancellationToken)
    {
        _sailing = sailing;
        using var span = source.StartBorderOperation(port);
        span.SetBorderSailing(sailing).SetBorderPassengerCount(passengers.Count); // clean generated-api
        Activity.Current?.SetTag("api.minors", passengers.Count(p => p.DateOfBirth > DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-18)))); // clean precision-about
        Activity.Current?.SetTag("api.document_types", string.Join(',', passengers.Select(p => p.DocumentType).Distinct())); // clean strings
        Activity.Current?.SetTag("api.first_passenger", passengers.Count > 0 ? passengers[0].DocumentNumber : null); // leak TC1001 direct
        foreach (var passenger in passengers)
        {
            _records.Add(1, new KeyValuePair<string, object?>("nationality", passenger.Nationality), new KeyValuePair<string, object?>("port", port)); // clean precision-about
            if (string.IsNullOrWhiteSpace(passenger.EtaNumber) && passenger.Nationality != "GBR")
            {
                _refused.Add(passenger);
                MissingEta(logger, sailing, passenger.DocumentNumber); // leak TC1001 logging-objects
                MissingEtaRedacted(logger, sailing, passenger.DocumentNumber); // clean logging-objects
            }
        }
        try
        {
            var receipt = await gateway.SubmitAsync(sailing, passengers, cancellationToken);
            logger.LogInformation("API for {Sailing} accepted as {Receipt}", sailing, receipt); // clean precision-about
            meter.CreateBorderCrossingsCounter().Add(passengers.Count, borderPort: port, borderOutcome: "api-accepted"); // clean generated-api
        }
        catch (ApiBatchRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "API batch refused for {Sailing}", sailing); // clean exceptions
        }
    }

    public void ReportRefused()
    {
        logger.LogWarning("{Count} passengers on {Sailing} have no ETA", _refused.Count, _sailing); // clean cross-member
        logger.LogWarning("Passengers without ETA: {Passengers}", _refused.Select(p => $"{p.FamilyName}/{p.GivenNames}").ToList()); // leak TC1001 cross-member
        foreach (var passenger in _refused)
        {
            Activity.Current?.AddEvent(new ActivityEvent("api.refused", tags: new ActivityTagsCollection { ["document.number"] = passenger.DocumentNumber })); // leak TC1001 cross-member
            Activity.Current?.AddEvent(new ActivityEvent("api.refused", tags: new ActivityTagsCollection { ["document.issuing_country"] = passenger.IssuingCountry, ["age"] = Age(passenger.DateOfBirth) })); // clean precision-about
            logger.LogInformation("Refused record {Passenger}", passenger); // leak TC1001 logging-objects
            logger.LogInformation("Refused record of a passenger born {DateOfBirth}", passenger.DateOfBirth); // leak TC1001 direct
            logger.LogInformation("Refused record of a traveller {Traveller}", pseudonymizer.ComputeBorderTravellerId(passenger.DocumentNumber)); // clean precision-pseudonym
        }
    }

    private static int Age(DateOnly dateOfBirth) => DateTime.UtcNow.Year - dateOfBirth.Year;

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "No ETA on {Sailing} for document {DocumentNumber}")]
    private static partial void MissingEta(ILogger logger, string sailing, string documentNumber);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "No ETA on {Sailing} for document {DocumentNumber}")]
    private static partial void MissingEtaRedacted(ILogger logger, string sailing, [PrivateData] string documentNumber);
}

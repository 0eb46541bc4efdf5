namespace PrivacyHoldout200.Energy;

/// <summary>An energy performance survey booked for a mortgage valuation, as it arrives on the topic.</summary>
public sealed record EpcSurveyRequest(
    string SurveyId,
    string ValuationId,
    string HomeownerName,
    string HomeownerPhone,
    string PropertyAddress,
    string Postcode,
    string Mpan,
    string EnergyAccountNumber,
    int FloorAreaSquareMetres);

/// <summary>The rating lodged on the register, without the household.</summary>
public sealed record EpcRating(string CertificateNumber, string SurveyId, string Band, int Score, int FloorAreaSquareMetres);

/// <summary>Consumes survey requests for mortgage valuations; the topic is keyed by the energy account number.</summary>
public sealed partial class EpcSurveyConsumer(
    IConsumer<string, EpcSurveyRequest> consumer,
    ValuationPanelClient panel,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<EpcSurveyConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.EpcSurveys");
    private readonly Counter<long> _surveys = meter.CreateCounter<long>("epc.surveys");
    private const string Site = "survey-hub-north";
    private string _lastMpan = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var request = result.Message.Value;
            using var span = Source.StartEpcsurveyOperation(Site);
            span.SetEpcsurveyStage("valuation"); // clean generated-api
            span.SetEpcsurveyApplicantId(pseudonymizer.PseudonymizeEpcsurveyApplicantId(request.EnergyAccountNumber)); // clean generated-api
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            Activity.Current?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            Activity.Current?.SetTag("epc.survey_id", request.SurveyId); // clean precision-names
            Activity.Current?.SetTag("epc.valuation_id", request.ValuationId); // clean precision-names
            Activity.Current?.SetTag("epc.mpan", request.Mpan); // leak TC1001 direct
            Activity.Current?.SetTag("epc.mpan_profile", request.Mpan[..2]); // clean precision-about
            Activity.Current?.SetTag("epc.floor_area", request.FloorAreaSquareMetres); // clean precision-about
            Activity.Current?.SetTag("epc.address", request.PropertyAddress); // leak TC1001 direct
            _lastMpan = request.Mpan;

            try
            {
                var valuation = await panel.InstructAsync(request.ValuationId, request.PropertyAddress, request.Postcode, stoppingToken);
                var outcome = new ValuationOutcome(valuation.ValuationId, valuation.Value, "instructed", valuation.SurveyType, 3);
                logger.LogInformation("Valuation instructed {@Outcome}", outcome); // clean logging-objects
                logger.LogInformation("Valuation instructed {@Valuation}", valuation); // leak TC1001 logging-objects
                logger.LogInformation("Surveyor {Surveyor} instructed for {ValuationId}", valuation.SurveyorName, valuation.ValuationId); // leak TC1001 direct
                LogSurveyBooked(logger, request.SurveyId, request.HomeownerPhone); // clean logging-objects
                LogSurveyAddress(logger, request.SurveyId, request.PropertyAddress); // leak TC1001 logging-objects
                _surveys.Add(1, new KeyValuePair<string, object?>("survey.type", valuation.SurveyType)); // clean precision-names
                _surveys.Add(1, new KeyValuePair<string, object?>("household", request.EnergyAccountNumber)); // leak TC1003 direct
                meter.CreateEpcsurveyOperationsCounter().Add(1, Site, "instructed"); // clean generated-api
            }
            catch (ValuationDelayedException ex)
            {
                span.SetEpcsurveyNote(ex.Message); // clean generated-api
                logger.LogWarning(ex, "Valuation delayed for survey {SurveyId}", request.SurveyId); // clean exceptions
            }
            catch (Exception ex)
            {
                var wrapped = new InvalidOperationException($"Survey for {request.HomeownerName} at {request.Postcode} failed", ex);
                Activity.Current?.AddException(wrapped); // leak TC1001 exceptions
                logger.LogEpcsurveyOperationFailedEvent(Site, "failed", epcsurveyNote: $"Survey {request.SurveyId} failed: {ex.GetType().Name}"); // clean generated-api
                span.SetEpcsurveyNote($"Survey failed for {request.HomeownerPhone}"); // leak TC1001 generated-api
            }

            ReportRegister(request);
            consumer.Commit(result);
        }
    }

    private void ReportRegister(EpcSurveyRequest request)
    {
        var rating = new EpcRating("0000-1111-2222", request.SurveyId, "C", 72, request.FloorAreaSquareMetres);
        logger.LogInformation("Lodged {Rating}", rating); // clean logging-objects
        logger.LogInformation("Lodged {@Rating}", rating); // clean logging-objects
        logger.LogInformation("Lodged rating for {Request}", request); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("epc.lodged", tags: new ActivityTagsCollection { ["epc.band"] = rating.Band, ["epc.score"] = rating.Score })); // clean precision-about
        Activity.Current?.SetTag("epc.certificate_number", rating.CertificateNumber); // clean precision-names
        Activity.Current?.SetTag("epc.last_mpan", _lastMpan); // leak TC1001 cross-member
        Activity.Current?.SetTag("epc.last_mpan_length", _lastMpan.Length); // clean cross-member
        var accountHash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.EnergyAccountNumber)));
        logger.LogInformation("Survey for account hash {AccountHash}", accountHash); // leak TC1002 hashes
        var sb = new StringBuilder();
        sb.Append("survey=").Append(request.SurveyId).Append(";band=").Append(rating.Band);
        Activity.Current?.SetTag("epc.summary", sb.ToString()); // clean strings
        Activity.Current?.SetTag("epc.contact_line", $"{request.HomeownerName} <{request.HomeownerPhone}>"); // leak TC1001 strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} booked, homeowner on {Phone}")]
    private static partial void LogSurveyBooked(ILogger logger, string surveyId, [PrivateData] string phone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} at {Address}")]
    private static partial void LogSurveyAddress(ILogger logger, string surveyId, string address);
}

/// <summary>A gRPC service the valuation panel calls to fetch a property's rating for a mortgage file.</summary>
public sealed class EpcLookupGrpcService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<EpcLookupGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.EpcLookup");

    public Task<EpcRating> GetRating(string postcode, string houseNumber, ServerCallContext context)
    {
        using var activity = Source.StartActivity("epc.lookup");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("epc.lookup_postcode", postcode); // leak TC1001 direct
        activity?.SetTag("epc.lookup_district", postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("epc.house_number", houseNumber); // leak TC1001 direct
        var key = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(postcode + houseNumber));
        activity?.SetTag("epc.property_key", Convert.ToHexString(key, 0, 8)); // clean hashes
        activity?.SetTag("epc.property_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(postcode + houseNumber)))); // leak TC1002 hashes
        if (houseNumber.Length == 0)
        {
            var rpc = new RpcException("InvalidArgument", $"No property {houseNumber} at {postcode}");
            logger.LogWarning(rpc, "Lookup failed"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "missing house number"); // clean exceptions
            throw rpc;
        }

        logger.LogInformation("Lookup for household {Household}", pseudonymizer.ComputeEpcsurveyApplicantId(postcode + houseNumber)); // clean precision-pseudonym
        return Task.FromResult(new EpcRating("0000", "S-1", "D", 60, 80));
    }
}

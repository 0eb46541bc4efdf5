namespace PrivacyHoldout193.Retail;

public sealed record PillOrderRequest(string CustomerNumber, string Email, string Product, int Packs, string BranchCode, string RecipientName, string DeliveryAddress, string Postcode, DateOnly DateOfBirth);

public sealed record EhcConsultation(string ConsultationId, string CustomerNumber, string PharmacistGphcNumber, string Product, int HoursSinceUnprotectedSex, string BranchCode);

public sealed record EhcDecision(string ConsultationId, string Product, bool Supplied, string ReasonCode);

/// <summary>A pharmacy chain's online contraception: repeat pills by post and emergency contraception consultations in branch.</summary>
[ApiController]
[Route("api/contraception")]
public sealed partial class OnlineContraceptionController(
    IPharmacyDispatch dispatch,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<OnlineContraceptionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Pharmacy.Contraception");
    private static readonly Meter Meter = new("Pharmacy.Contraception");
    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("pillpost.orders");

    private PillOrderRequest? _pending;

    [HttpPost("orders")]
    public async Task<ActionResult> Order([FromBody] PillOrderRequest request, CancellationToken ct)
    {
        _pending = request;
        using var span = Source.StartPillpostOperation(request.BranchCode);
        var customer = pseudonymizer.PseudonymizePillpostClientId(request.CustomerNumber);
        span.SetPillpostClientId(customer); // clean precision-pseudonym
        span.SetPillpostKind("postal-script"); // clean precision-names
        span.SetPillpostItems(request.Packs); // clean precision-about
        Activity.Current?.SetTag("pillpost.product", request.Product); // clean precision-about
        Activity.Current?.SetTag("pillpost.customer_number", request.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("pillpost.recipient", request.RecipientName); // leak TC1001 direct
        Activity.Current?.SetTag("enduser.id", customer.Value); // clean precision-pseudonym
        Orders.Add(request.Packs, new KeyValuePair<string, object?>("product", request.Product), new KeyValuePair<string, object?>("branch", request.BranchCode)); // clean precision-about
        Orders.Add(request.Packs, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym

        var script = new PostalPrescription("S-" + Guid.NewGuid().ToString("N")[..10], request.CustomerNumber, request.Product, request.RecipientName, request.DeliveryAddress, request.Postcode);
        logger.LogInformation("Script created {ScriptId} for {Product}", script.ScriptId, script.Product); // clean precision-names
        logger.LogInformation("Script created {@Script}", script); // leak TC1001 logging-objects
        try
        {
            var parcel = await dispatch.DispatchAsync(script, ct);
            logger.LogInformation("Dispatched {@Parcel}", parcel); // clean logging-objects
            Activity.Current?.SetTag("pillpost.tracking_number", parcel.TrackingNumber); // clean precision-names
            span.SetPillpostOutcome("dispatched"); // clean precision-about
        }
        catch (ScriptRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Pharmacy refused the script"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogPillpostOperationFailedEvent(request.BranchCode, "rejected", customer, "script for " + request.RecipientName + " rejected"); // leak TC1001 generated-api
            return BadRequest("rejected");
        }
        catch (AgeCheckFailedException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Age check failed: {Message}", ex.Message); // leak TC1001 exceptions
            span.SetPillpostNote(ex.GetType().Name); // clean exceptions
            return BadRequest("age");
        }

        RecordDelivery();
        return Ok(new { script.ScriptId });
    }

    [HttpPost("ehc")]
    public ActionResult Consult([FromBody] EhcConsultation consultation)
    {
        using var span = Source.StartPillpostOperation(consultation.BranchCode);
        span.SetPillpostKind("ehc"); // clean precision-names
        span.SetPillpostClientId(pseudonymizer.PseudonymizePillpostClientId(consultation.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("ehc.consultation_id", consultation.ConsultationId); // clean precision-names
        Activity.Current?.SetTag("ehc.hours_since", consultation.HoursSinceUnprotectedSex); // clean precision-about
        Activity.Current?.SetTag("ehc.pharmacist", consultation.PharmacistGphcNumber); // leak TC1001 direct
        Activity.Current?.SetTag("ehc.pharmacist", pseudonymizer.Compute(Spaces.Staff, consultation.PharmacistGphcNumber)); // clean precision-pseudonym
        var decision = new EhcDecision(consultation.ConsultationId, consultation.Product, consultation.HoursSinceUnprotectedSex <= 72, consultation.HoursSinceUnprotectedSex <= 72 ? "in-window" : "refer-iud");
        logger.LogInformation("EHC decision {@Decision}", decision); // clean logging-objects
        logger.LogInformation("EHC consultation {Consultation}", consultation); // leak TC1001 logging-objects
        var loyaltyKey = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(consultation.CustomerNumber)), 0, 8);
        Activity.Current?.SetTag("ehc.customer_key", loyaltyKey); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(consultation.CustomerNumber)));
        Activity.Current?.SetTag("ehc.customer_ref", keyed); // clean hashes
        Meter.CreatePillpostOperationsCounter().Add(1, consultation.BranchCode, decision.ReasonCode); // clean generated-api
        Meter.CreatePillpostOperationDurationHistogram().Record(12.5, consultation.BranchCode); // clean generated-api
        span.SetPillpostNote($"{decision.Product}: {decision.ReasonCode}"); // clean generated-api
        LogEhcSupplied(consultation.CustomerNumber, consultation.Product); // leak TC1001 logging-objects
        return Ok(decision);
    }

    private void RecordDelivery()
    {
        if (_pending is null)
        {
            return;
        }

        var line = new StringBuilder().Append(_pending.RecipientName).Append(", ").Append(_pending.DeliveryAddress).Append(", ").Append(_pending.Postcode).ToString();
        logger.LogInformation("Delivery label: {Label}", line); // leak TC1001 strings
        logger.LogInformation("Delivery label for {Packs} packs of {Product}", _pending.Packs, _pending.Product); // clean cross-member
        Activity.Current?.SetTag("pillpost.pending_email", _pending.Email); // leak TC1001 cross-member
        Activity.Current?.SetTag("pillpost.pending_dob", _pending.DateOfBirth); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "EHC supplied to {CustomerNumber}: {Product}")]
    private partial void LogEhcSupplied(string customerNumber, string product);
}

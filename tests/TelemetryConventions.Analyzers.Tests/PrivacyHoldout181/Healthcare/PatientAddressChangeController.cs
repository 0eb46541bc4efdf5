namespace PrivacyHoldout181.Healthcare;

/// <summary>Patients tell the trust they have moved; the trust updates the spine and tells the GP practice.</summary>
[ApiController]
[Route("api/patients/address-changes")]
public sealed class PatientAddressChangeController(
    ILogger<PatientAddressChangeController> logger,
    Pseudonymizer pseudonymizer,
    INoticeGateway notices,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Patients.AddressChanges");
    private static readonly Meter Meter = new("Trust.Patients.AddressChanges");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("patient.address_changes");

    private readonly PatientmoveOperationDurationHistogram _duration = Meter.CreatePatientmoveOperationDurationHistogram();

    [HttpPost("")]
    public async Task<ActionResult> Post([FromBody] PatientAddressChange change, CancellationToken cancellationToken)
    {
        using var span = Source.StartPatientmoveOperation("records-office");
        var mover = pseudonymizer.PseudonymizePatientmoveMoverId(change.NhsNumber);
        span.SetPatientmoveMoverId(mover); // clean generated-api
        span.SetPatientmoveMoveType("address_change"); // clean generated-api
        span.SetPatientmoveNote($"Practice {change.PracticeOds}, district {change.NewPostcode.Split(' ')[0]}"); // clean generated-api
        span.SetPatientmoveNote($"Moved from {change.OldPostcode} to {change.NewPostcode}"); // leak TC1001 generated-api
        span.SetPatientmoveNote("Change for " + change.PatientName); // leak TC1001 generated-api
        span.Activity?.SetTag(PatientmoveAttributes.Contact, pseudonymizer.Compute("mover", change.NhsNumber)); // leak TC1001 precision-pseudonym

        var activity = span.Activity;
        activity?.SetTag("patient.practice.ods", change.PracticeOds); // clean precision-names
        activity?.SetTag("patient.new_postcode", change.NewPostcode); // leak TC1001 direct
        activity?.SetTag("patient.new_postcode.district", change.NewPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("patient.name.parts", change.PatientName.Split(' ').Length); // clean precision-about
        activity?.SetTag("patient.moved_out_of_area", change.OldPostcode[..2] != change.NewPostcode[..2]); // clean precision-about

        var redacted = change with { NhsNumber = "", PatientName = "", OldPostcode = "", NewPostcode = "" };
        logger.LogInformation("Address change {Change}", redacted); // clean logging-objects
        var partial = change with { PracticeOds = "unknown" };
        logger.LogInformation("Address change {Change}", partial); // leak TC1001 logging-objects
        logger.LogInformation("Address change {@Change}", change); // leak TC1001 logging-objects

        var notice = new AddressChangeNotice(Guid.NewGuid().ToString("N"), change.NhsNumber, change.OldPostcode, change.NewPostcode, change.NewPostcode, change.PracticeOds, DateOnly.FromDateTime(DateTime.UtcNow));
        var receipt = await notices.SendAsync(notice, cancellationToken);
        logger.LogInformation("GP practice receipt {Receipt}", receipt); // clean logging-objects
        logger.LogInformation("Notice {NoticeId} sent to {Organisation}", notice.NoticeId, notice.Organisation); // clean precision-names
        logger.LogInformation("Notice {Notice} sent", notice); // leak TC1001 logging-objects

        Changes.Add(1, new KeyValuePair<string, object?>("practice", change.PracticeOds)); // clean precision-names
        Changes.Add(1, new KeyValuePair<string, object?>("district", change.NewPostcode.Split(' ')[0])); // clean precision-about
        Changes.Add(1, new KeyValuePair<string, object?>("patient", mover.ToString())); // leak TC1003 precision-pseudonym
        _duration.Record(0.4, "records-office"); // clean generated-api

        if (change.NewPostcode.Length < 5)
        {
            var ex = new AddressNotRecognisedException(change.NewPostcode);
            span.RecordException(ex); // clean generated-api
            span.RecordException(ex, includeMessage: true); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogPatientmoveOperationFailedEvent("records-office", "rejected", mover, "Postcode too short"); // clean generated-api
            logger.LogPatientmoveOperationFailedEvent("records-office", "rejected", mover, ex.Message); // leak TC1001 generated-api
            return BadRequest("postcode");
        }

        var tag = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(change.NhsNumber)));
        logger.LogDebug("Change keyed as {Tag}", tag); // clean hashes
        logger.LogDebug("Change keyed as {Tag}", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(change.NhsNumber)))); // leak TC1002 hashes
        Activity.Current?.SetBaggage("patient.nhs_number", change.NhsNumber); // leak TC1001 direct
        return Ok(receipt.NoticeId);
    }
}

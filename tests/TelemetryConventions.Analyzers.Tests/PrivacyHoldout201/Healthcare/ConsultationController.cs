namespace PrivacyHoldout201.Healthcare;

public sealed record StartConsultationRequest(string ClientNumber, string PetId, string VetStaffId, string ClinicalNotes);

public sealed record PrescribeRequest(string ClientNumber, string PetId, string Drug, string Dose, int Quantity, bool Controlled);

public sealed record EuthanasiaRequest(string ClientNumber, string PetId, string SignedByName, string CremationChoice);

[ApiController]
[Route("api/consultations")]
public sealed partial class ConsultationController(
    IPracticeRecords records,
    IVetPharmacy pharmacy,
    ICrematorium crematorium,
    IOwnerMessenger messenger,
    Pseudonymizer pseudonymizer,
    PracticeOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<ConsultationController> logger) : ControllerBase
{
    private static readonly Counter<long> Consults = new Meter("Vetdesk.Manual").CreateCounter<long>("vetdesk.consults");

    private string? _lastOwnerWithoutChip;
    private string? _lastConsentId;

    [HttpPost("")]
    public async Task<ActionResult> Start([FromBody] StartConsultationRequest request, CancellationToken ct)
    {
        var owner = await records.FindOwnerAsync(request.ClientNumber, ct);
        var activity = Activity.Current;
        if (owner is null)
        {
            var ex = new OwnerNotFoundException(request.ClientNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Consultation refused: {Reason}", ex.GetType().Name); // clean exceptions
            return NotFound("client");
        }

        var animal = await records.FindAnimalAsync(request.PetId, ct);
        activity?.SetTag("vetdesk.pet.id", request.PetId); // clean precision-names
        activity?.SetTag("vetdesk.pet.name", animal?.Name); // clean precision-names
        activity?.SetTag("vetdesk.pet.species", animal?.Species); // clean precision-about
        activity?.SetTag("vetdesk.client.number", request.ClientNumber); // leak TC1001 direct
        activity?.SetTag("vetdesk.owner.email_domain", owner.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("vetdesk.owner.mobile", owner.Mobile); // leak TC1001 direct
        activity?.SetTag("vetdesk.vet.staff_id", request.VetStaffId); // leak TC1001 direct
        activity?.SetTag("vetdesk.notes.length", request.ClinicalNotes.Length); // clean precision-about

        var consultation = new Consultation($"C-{Guid.NewGuid():N}", request.PetId, request.ClientNumber, request.VetStaffId, request.ClinicalNotes, DateTimeOffset.UtcNow);
        await records.SaveConsultationAsync(consultation, ct);

        logger.LogInformation("Consultation {ConsultationId} started for pet {PetId}", consultation.ConsultationId, consultation.PetId); // clean precision-names
        logger.LogInformation("Consultation saved {@Consultation}", consultation); // leak TC1001 logging-objects
        logger.LogDebug("Notes: {Notes}", request.ClinicalNotes); // leak TC1001 direct
        var summary = new ConsultationSummary(consultation.ConsultationId, request.PetId, "Room 3", 15, "K08.1");
        logger.LogInformation("Rota entry {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Owner on record {Owner}", owner); // leak TC1001 logging-objects
        logger.LogInformation("Owner copy {Owner}", owner with { Email = "", Mobile = "" }); // leak TC1001 logging-objects

        var ownerPseudonym = pseudonymizer.PseudonymizeVetdeskClientId(request.ClientNumber);
        using (var span = source.StartVetdeskOperation(options.PracticeCode))
        {
            span.SetVetdeskClientId(ownerPseudonym); // clean generated-api
            span.SetVetdeskSpecies(animal?.Species ?? "unknown"); // clean generated-api
            span.SetVetdeskMinutes(15); // clean generated-api
            span.SetVetdeskNote($"consultation {consultation.ConsultationId} in room 3"); // clean generated-api
            span.SetVetdeskNote(request.ClinicalNotes); // leak TC1001 generated-api
        }

        activity?.SetTag(VetdeskAttributes.ClientId, pseudonymizer.ComputeVetdeskClientId(request.ClientNumber)); // clean precision-pseudonym
        activity?.SetTag(VetdeskAttributes.Contact, owner.Email); // leak TC1001 generated-api
        Consults.Add(1, new KeyValuePair<string, object?>("owner", pseudonymizer.ComputeVetdeskClientId(request.ClientNumber))); // leak TC1003 precision-pseudonym
        Consults.Add(1, new KeyValuePair<string, object?>("species", animal?.Species)); // clean precision-about
        meter.CreateVetdeskOperationsCounter().Add(1, options.PracticeCode, "started"); // clean generated-api

        if (animal is not null && (await records.FindChippedAnimalAsync(animal.PetId, ct)) is null)
        {
            _lastOwnerWithoutChip = owner.FullName;
        }

        return Ok(consultation.ConsultationId);
    }

    [HttpPost("prescriptions")]
    public async Task<ActionResult> Prescribe([FromBody] PrescribeRequest request, CancellationToken ct)
    {
        var line = new PrescriptionLine($"RX-{Guid.NewGuid():N}"[..12], request.PetId, request.Drug, request.Dose, request.Quantity, request.Controlled);
        try
        {
            var dispensed = await pharmacy.DispenseAsync(line, request.ClientNumber, ct);
            logger.LogInformation("Dispensed {@Line}", line); // clean logging-objects
            logger.LogInformation("Dispensed {Count} of {Drug} for {ClientNumber}", dispensed, request.Drug, request.ClientNumber); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("dispensed", tags: new ActivityTagsCollection { ["drug"] = request.Drug, ["quantity"] = dispensed })); // clean precision-about
        }
        catch (ControlledDrugLimitException ex)
        {
            logger.LogWarning(ex, "Controlled drug limit hit"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("limit");
        }

        return Ok(line.PrescriptionId);
    }

    [HttpPost("euthanasia")]
    public async Task<ActionResult> Euthanasia([FromBody] EuthanasiaRequest request, CancellationToken ct)
    {
        var owner = await records.FindOwnerAsync(request.ClientNumber, ct) ?? throw new OwnerNotFoundException(request.ClientNumber);
        var consent = new EuthanasiaConsent($"EC-{Guid.NewGuid():N}"[..14], request.PetId, request.ClientNumber, request.SignedByName, request.CremationChoice, DateTimeOffset.UtcNow);
        _lastConsentId = consent.ConsentId;
        var activity = Activity.Current;

        if (!string.Equals(owner.FullName, request.SignedByName, StringComparison.OrdinalIgnoreCase))
        {
            var mismatch = new ConsentSignatureMismatchException(request.SignedByName);
            activity?.AddException(mismatch); // leak TC1001 exceptions
            logger.LogError(mismatch, "Consent {ConsentId} rejected", consent.ConsentId); // leak TC1001 exceptions
            LogConsentRejected(logger, consent.ConsentId, request.SignedByName); // clean logging-objects
            LogConsentRejectedPlain(logger, consent.ConsentId, request.SignedByName); // leak TC1001 logging-objects
            return BadRequest("signature");
        }

        await records.SaveConsentAsync(consent, ct);
        activity?.SetTag("vetdesk.consent.id", consent.ConsentId); // clean precision-names
        activity?.SetTag("vetdesk.cremation.choice", consent.CremationChoice); // clean precision-about
        activity?.SetTag("vetdesk.consent.signed_by", consent.SignedByName); // leak TC1001 direct
        logger.LogInformation("Consent recorded {Consent}", consent); // leak TC1001 logging-objects
        logger.LogInformation("Consent {ConsentId} for pet {PetId}, choice {Choice}", consent.ConsentId, consent.PetId, consent.CremationChoice); // clean precision-names

        try
        {
            var order = await crematorium.BookAsync(request.PetId, request.CremationChoice, null, ct);
            logger.LogInformation("Cremation booked {Order}", order); // clean logging-objects
        }
        catch (CrematoriumFullException ex)
        {
            logger.LogWarning(ex, "Crematorium full for consent {ConsentId}", consent.ConsentId); // clean exceptions
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(options.Secrets.ShardKey, Encoding.UTF8.GetBytes(request.ClientNumber)))[..2];
        activity?.SetTag("vetdesk.owner.shard", shard); // clean hashes
        var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ClientNumber)))[..8];
        activity?.SetTag("vetdesk.owner.bucket", bucket); // leak TC1002 hashes
        await messenger.SendTextAsync(owner.Mobile, "We are so sorry for your loss.", ct);
        return Ok(consent.ConsentId);
    }

    [HttpGet("audit")]
    public ActionResult Audit()
    {
        logger.LogInformation("Last owner seen without a chip: {Owner}", _lastOwnerWithoutChip); // leak TC1001 cross-member
        logger.LogInformation("Last consent id: {ConsentId}", _lastConsentId); // clean cross-member
        return Ok();
    }

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Consent {ConsentId} signed by {SignedBy} rejected")]
    private static partial void LogConsentRejected(ILogger logger, string consentId, [PrivateData] string signedBy);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Consent {ConsentId} signed by {SignedBy} rejected (plain)")]
    private static partial void LogConsentRejectedPlain(ILogger logger, string consentId, string signedBy);
}

namespace PrivacyHoldout143.Education;

/// <summary>An appointment asked for on the teaching clinic's booking page.</summary>
public sealed record ClinicBookingRequest(string ClientNumber, Guid PetId, string Type, DateOnly Day, string? OwnerNote);

/// <summary>
/// The university's animal science teaching clinic: members of the public register as clients, book their pets in
/// to be seen by final-year students under supervision, and get booster reminders.
/// </summary>
[ApiController]
[Route("api/teaching-clinic")]
public sealed class TeachingClinicBookingController(
    IClientDirectory clients,
    IAppointmentBook book,
    IOwnerMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    PetCareOptions options,
    ILogger<TeachingClinicBookingController> logger) : ControllerBase
{
    private const string Clinic = "small-animal";

    private readonly Counter<long> _bookings = meter.CreateCounter<long>("univet.bookings", "{booking}");

    [HttpPost("clients")]
    public async Task<ActionResult> RegisterClient([FromBody] ClientRegistration registration, CancellationToken cancellationToken)
    {
        using var span = source.StartUnivetOperation(Clinic);
        logger.LogInformation("New client registration {Registration}", registration); // leak TC1001 logging-objects
        var domain = registration.Email[(registration.Email.IndexOf('@') + 1)..];
        Activity.Current?.SetTag("univet.registration.email_domain", domain); // clean precision-about
        Activity.Current?.SetTag("univet.registration.heard_from", registration.HeardFrom); // clean precision-names

        try
        {
            var clientNumber = await clients.RegisterAsync(registration, cancellationToken);
            span.SetUnivetClientId(pseudonymizer.PseudonymizeUnivetClientId(clientNumber)); // clean generated-api
            logger.LogInformation("Registered client {ClientNumber} at {Practice}", clientNumber, registration.PracticeCode); // leak TC1001 direct
            span.SetUnivetOutcome("registered");
            return Ok(clientNumber);
        }
        catch (DuplicateClientException ex)
        {
            logger.LogWarning("Registration refused: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("univet.registration.duplicate_field", ex.Field); // clean exceptions
            span.SetUnivetOutcome("duplicate");
            return BadRequest("duplicate");
        }
    }

    [HttpPost("appointments")]
    public async Task<ActionResult> Book([FromBody] ClinicBookingRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartUnivetOperation(Clinic);
        var client = pseudonymizer.PseudonymizeUnivetClientId(request.ClientNumber);
        span.SetUnivetClientId(client);

        var owner = await clients.FindAsync(request.ClientNumber, cancellationToken);
        if (owner is null)
        {
            var ex = new ClientNotFoundException(request.ClientNumber);
            span.RecordException(ex); // clean exceptions
            logger.LogUnivetOperationFailedEvent(Clinic, "client-unknown", univetClientId: client, univetNote: ex.Message); // leak TC1001 generated-api
            return NotFound();
        }

        var pet = await clients.PetAsync(request.PetId, cancellationToken);
        if (pet is null || pet.OwnerClientNumber != owner.ClientNumber)
        {
            return NotFound("pet");
        }

        span.SetUnivetSpecies(pet.Species); // clean precision-about
        Activity.Current?.SetTag("univet.pet.id", pet.PetId); // clean precision-names
        Activity.Current?.SetTag("univet.pet.name", pet.Name); // clean precision-names
        Activity.Current?.SetTag("univet.pet.age_years", DateTime.UtcNow.Year - pet.DateOfBirth.Year); // clean precision-about
        logger.LogDebug("Booking for pet {Pet}", pet); // leak TC1001 logging-objects
        logger.LogDebug("Booking for a {Animal}", DescribePet(pet)); // clean strings

        if (request.OwnerNote is { Length: > 0 } note)
        {
            logger.LogInformation("Owner note of {Length} characters, {Words} words", note.Length, note.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            Activity.Current?.SetTag("univet.booking.owner_note", note); // leak TC1001 direct
        }

        var slot = await book.FreeSlotAsync(Clinic, request.Type, request.Day, cancellationToken);
        if (slot is null)
        {
            span.SetUnivetOutcome("no-slot");
            return BadRequest("no-slot");
        }

        try
        {
            var appointment = await book.BookAsync(slot.SlotId, pet.PetId, owner.ClientNumber, cancellationToken);
            logger.LogInformation("Booked {Appointment}", appointment); // leak TC1001 logging-objects
            logger.LogInformation("Appointment {AppointmentId} in {Room} at {Start}", appointment.AppointmentId, appointment.Room, appointment.Start); // clean precision-names
            _bookings.Add(1, BookingTags(request.Type, owner.ClientNumber)); // leak TC1003 direct
            span.SetUnivetOutcome("booked");
            return Ok(appointment.AppointmentId);
        }
        catch (SlotTakenException ex)
        {
            logger.LogInformation(ex, "Slot {SlotId} went meanwhile", ex.SlotId); // clean exceptions
            _bookings.Add(1, new KeyValuePair<string, object?>("univet.clinic", Clinic), new KeyValuePair<string, object?>("univet.outcome", "slot-taken")); // clean precision-about
            return BadRequest("slot-taken");
        }
    }

    [HttpPost("reminders/{clientNumber}")]
    public async Task<ActionResult> SendReminders(string clientNumber, CancellationToken cancellationToken)
    {
        var owner = await clients.FindAsync(clientNumber, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var horizon = DateOnly.FromDateTime(DateTime.UtcNow + options.ReminderLeadTime);
        var due = new List<VaccinationReminder>();
        foreach (var pet in await clients.PetsAsync(clientNumber, cancellationToken))
        {
            foreach (var vaccination in await book.VaccinationsAsync(pet.PetId, cancellationToken))
            {
                logger.LogDebug("Vaccination on file {Vaccination}", vaccination); // clean logging-objects
                if (vaccination.DueOn <= horizon)
                {
                    due.Add(new VaccinationReminder(owner.ClientNumber, owner.Email, pet.Name, vaccination.Vaccine, vaccination.DueOn));
                }
            }
        }

        foreach (var reminder in due)
        {
            var fields = new Dictionary<string, string> { ["pet"] = reminder.PetName, ["vaccine"] = reminder.Vaccine, ["due"] = reminder.DueOn.ToString("d MMMM", CultureInfo.InvariantCulture) };
            await messenger.SendAsync(options.VaccinationReminderTemplateId, reminder.OwnerEmail, fields, cancellationToken);
        }

        logger.LogInformation("Reminders for {Owner}", Describe(owner)); // leak TC1001 strings
        logger.LogInformation("Sent {Count} reminders for {Vaccines}", due.Count, due.Select(r => r.Vaccine).Distinct()); // clean precision-about
        logger.LogInformation("Reminders sent {Reminders}", due); // leak TC1001 logging-objects
        Activity.Current?.SetTag("univet.reminder.recipient", owner.Email); // leak TC1001 direct
        Activity.Current?.SetTag("univet.reminder.template", options.VaccinationReminderTemplateId); // clean precision-names
        return Ok(due.Count);
    }

    private static string Describe(PetOwner owner) => $"{owner.LastName}, {owner.Postcode}";

    private static string DescribePet(Pet pet) => $"{pet.Species}/{pet.Breed}, {(pet.Neutered ? "neutered" : "entire")}";

    private static TagList BookingTags(string type, string clientNumber) => new() { { "univet.type", type }, { "univet.client", clientNumber } };
}

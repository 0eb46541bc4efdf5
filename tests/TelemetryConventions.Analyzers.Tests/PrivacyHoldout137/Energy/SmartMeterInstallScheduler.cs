namespace PrivacyHoldout137.Energy;

public sealed record InstallBookingRequest(string AccountNumber, string Postcode, string Mobile, string SlotId, string? AccessNotes, bool NeedsPsrVisit);

/// <summary>
/// Offers and books smart meter install appointments through the workforce system, confirms them by text
/// and records the engineer's outcome when the job closes.
/// </summary>
public sealed class SmartMeterInstallScheduler(
    IWorkforceClient workforce,
    ICustomerNotifier notifier,
    Pseudonymizer pseudonymizer,
    UtilityOptions options,
    ILogger<SmartMeterInstallScheduler> logger)
{
    private static readonly ActivitySource Source = new("Supplier.SmartInstalls.Scheduling");
    private static readonly Meter Meter = new("Supplier.SmartInstalls.Scheduling");
    private static readonly Counter<long> NoAccess = Meter.CreateCounter<long>("smart_installs.no_access");
    private static readonly UpDownCounter<int> OpenSlots = Meter.CreateUpDownCounter<int>("smart_installs.slots.open");

    private InstallAppointment? _lastBooked;

    public async Task<IReadOnlyList<AppointmentSlot>> OfferAsync(string accountNumber, string postcode, CancellationToken ct)
    {
        using var activity = Source.StartActivity("install.offer");
        var slots = await workforce.OfferAsync(postcode, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), ct);
        activity?.SetTag("install.postcode_area", new string(postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
        activity?.SetTag("install.slots_offered", slots.Count); // clean precision-about
        activity?.SetTag("install.postcode", postcode); // leak TC1001 direct
        logger.LogDebug("Offered slots {Slots}", string.Join(",", slots.Select(s => s.SlotId))); // clean strings
        logger.LogDebug("First slot {Slot}", slots.FirstOrDefault()); // clean logging-objects
        OpenSlots.Add(slots.Count, new KeyValuePair<string, object?>("patch", slots.FirstOrDefault()?.Patch)); // clean precision-names
        return slots;
    }

    public async Task<InstallAppointment> BookAsync(InstallBookingRequest request, CancellationToken ct)
    {
        var customer = pseudonymizer.PseudonymizeSmartinstallCustomerId(request.AccountNumber);
        using var span = Source.StartSmartinstallBook("unassigned")
            .SetSmartinstallCustomerId(customer) // clean precision-pseudonym
            .SetSmartinstallSlotId(request.SlotId);

        try
        {
            var appointment = await workforce.BookAsync(request.AccountNumber, request.Postcode, request.SlotId, request.AccessNotes, ct);
            _lastBooked = appointment;

            span.SetSmartinstallAppointmentId(appointment.AppointmentId) // clean precision-names
                .SetSmartinstallEngineerId(pseudonymizer.PseudonymizeSmartinstallEngineerId(appointment.EngineerStaffNumber)) // clean precision-pseudonym
                .SetSmartinstallOutcome("booked");
            span.Activity?.SetTag("install.access_notes_length", request.AccessNotes?.Length ?? 0); // clean precision-about
            span.Activity?.SetTag("install.access_notes", request.AccessNotes); // leak TC1001 direct

            await notifier.SendAsync(options.InstallConfirmationTemplateId, request.Mobile, new Dictionary<string, string> { ["slot"] = request.SlotId }, ct);
            span.Activity?.AddEvent(new ActivityEvent("install.confirmation.sent", tags: new ActivityTagsCollection { ["template"] = options.InstallConfirmationTemplateId, ["to"] = request.Mobile })); // leak TC1001 direct
            Meter.CreateSmartinstallBookingsCounter().Add(1, appointment.SlotId.Split('-')[0], "booked"); // clean generated-api
            return appointment;
        }
        catch (SlotUnavailableException ex)
        {
            span.SetSmartinstallOutcome("slot-gone").RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogSmartinstallFailedEvent("unassigned", "slot-gone", customer, smartinstallNote: ex.Message); // clean exceptions
            throw;
        }
    }

    public void RecordNoAccess(NoAccessException ex, string patch, string engineerStaffNumber)
    {
        using var span = Source.StartSmartinstallBook(patch).SetSmartinstallOutcome("no-access"); // clean precision-names
        span.SetSmartinstallNote(ex.Reason); // clean generated-api
        span.SetSmartinstallNote($"No access, engineer {engineerStaffNumber}"); // leak TC1001 generated-api
        logger.LogWarning("No access: {Message}", ex.Message); // leak TC1001 exceptions
        NoAccess.Add(1, new KeyValuePair<string, object?>("patch", patch), new("reason", ex.Reason));
        NoAccess.Add(0, new KeyValuePair<string, object?>("engineer", engineerStaffNumber)); // leak TC1003 direct
    }

    public void LogLastBooking()
    {
        if (_lastBooked is { } booked)
        {
            logger.LogInformation("Last booking {AppointmentId} at {Postcode}", booked.AppointmentId, booked.Postcode); // leak TC1001 cross-member
            logger.LogInformation("Last booking slot {SlotId}", booked.SlotId); // clean cross-member
        }
    }
}

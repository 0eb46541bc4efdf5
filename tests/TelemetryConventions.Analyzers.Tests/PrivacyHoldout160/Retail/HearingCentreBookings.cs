namespace PrivacyHoldout160.Retail;

/// <summary>Books hearing tests and hearing aid fittings in the chain's hearing centres.</summary>
public sealed class HearingCentreBookings(
    ILogger<HearingCentreBookings> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> leadDays = meter.CreateHistogram<double>("pharmacy.hearing.lead_days");
    private string? lastNoShowCustomer;

    public void Book(HearingAppointment appointment)
    {
        using var activity = source.StartActivity("BookHearingTest");
        activity?.SetTag("appointment.id", appointment.AppointmentId); // clean precision-names
        activity?.SetTag("store", appointment.Store); // clean precision-names
        activity?.SetTag("customer.name", appointment.CustomerName); // leak TC1001 precision-names
        activity?.SetTag("audiologist", appointment.AudiologistStaffId); // leak TC1001 direct
        activity?.SetTag(PharmacyAttributes.ColleagueId, pseudonymizer.ComputePharmacyColleagueId(appointment.AudiologistStaffId)); // clean precision-pseudonym
        leadDays.Record((appointment.At - DateTimeOffset.UtcNow).TotalDays, new KeyValuePair<string, object?>("store", appointment.Store)); // clean precision-about
        leadDays.Record((appointment.At - DateTimeOffset.UtcNow).TotalDays, new KeyValuePair<string, object?>("audiologist", appointment.AudiologistStaffId)); // leak TC1003 direct
        logger.LogInformation("Booked {Appointment}", appointment); // leak TC1001 logging-objects
        logger.LogInformation("Booked {AppointmentId} at {Store} for {At}", appointment.AppointmentId, appointment.Store, appointment.At); // clean precision-about
    }

    public void NoShow(HearingAppointment appointment)
    {
        lastNoShowCustomer = appointment.CustomerId;
        Activity.Current?.AddEvent(new ActivityEvent("no_show", tags: new ActivityTagsCollection { ["appointment.id"] = appointment.AppointmentId })); // clean precision-names
        logger.LogInformation("No-show {Reference}", HashCode.Combine(appointment.CustomerId)); // leak TC1002 hashes
    }

    public void Follow()
    {
        Activity.Current?.SetTag("follow_up.customer", lastNoShowCustomer); // leak TC1001 cross-member
        Activity.Current?.SetTag("follow_up.pending", lastNoShowCustomer is not null); // clean cross-member
    }
}

namespace PrivacyHoldout156.Education;

/// <summary>Texts tomorrow's student-salon clients their reminders and counts the ones the learners will see.</summary>
public sealed class StudentSalonReminderWorker(
    IAppointmentBook book,
    IClientDirectory clients,
    IClientMessenger messenger,
    Pseudonymizer pseudonymizer,
    SalonOptions options,
    ILogger<StudentSalonReminderWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Academy.StudentSalon");
    private static readonly Meter Meter = new("Academy.StudentSalon");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("student_salon.reminders");

    private readonly List<string> _unreachable = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var day = DateOnly.FromDateTime(DateTime.Today.AddDays(1));
        using var activity = Source.StartActivity("student_salon.reminders");
        var appointments = await book.DayAsync("student-salon", day, stoppingToken);
        activity?.SetTag("student_salon.appointment_count", appointments.Count); // clean precision-names

        foreach (var appointment in appointments)
        {
            var client = await clients.FindAsync(appointment.ClientNumber, stoppingToken);
            if (client is null)
            {
                _unreachable.Add(appointment.ClientNumber);
                logger.LogWarning("No client for appointment {AppointmentId}", appointment.AppointmentId); // clean direct
                continue;
            }

            await messenger.TextAsync(client.Mobile, $"Hi {client.FirstName}, see you tomorrow at {appointment.StartsAt:t}", stoppingToken);
            Reminders.Add(1, new KeyValuePair<string, object?>("service", appointment.Service)); // clean direct
            logger.LogDebug("Texting {Mobile}", client.Mobile); // leak TC1001 direct
            activity?.SetTag("reminder.client.key", HashCode.Combine(client.Mobile)); // leak TC1002 hashes
            logger.LogInformation("Reminder {TemplateId} sent for {Appointment}", options.ReminderTemplateId, appointment); // leak TC1001 logging-objects
            logger.LogInformation("Reminder for {Client}", pseudonymizer.PseudonymizeSalonbookClientId(client.ClientNumber)); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["client.first_name"] = client.FirstName })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["appointment.id"] = appointment.AppointmentId })); // clean direct
        }

        logger.LogInformation("{Count} clients unreachable", _unreachable.Count); // clean cross-member
        logger.LogWarning("Unreachable clients: {Clients}", _unreachable); // leak TC1001 cross-member
    }
}

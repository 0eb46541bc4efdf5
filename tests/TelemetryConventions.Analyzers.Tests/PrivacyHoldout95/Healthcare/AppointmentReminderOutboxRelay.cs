namespace PrivacyHoldout95.Healthcare;

/// <summary>The event the booking service writes to the outbox when a reminder falls due.</summary>
public sealed record AppointmentReminderDue(Guid AppointmentId, string HospitalNumber, string MobileNumber, string ClinicCode, DateTimeOffset StartsAt);

/// <summary>
/// Relays the booking service's outbox to the SMS gateway's topic (<c>clinic.reminders</c>, keyed by appointment id),
/// with exponential back-off and a dead-letter table after the last attempt.
/// </summary>
public sealed class AppointmentReminderOutboxRelay : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Booking.Outbox");

    private readonly IOutboxStore _outbox;
    private readonly IDeadLetterStore _deadLetters;
    private readonly IMessageBroker _broker;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly JobOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AppointmentReminderOutboxRelay> _logger;
    private readonly WardjobsJobsCompletedCounter _completed;
    private int _pending;
    private Guid _lastAppointment;

    public AppointmentReminderOutboxRelay(IOutboxStore outbox, IDeadLetterStore deadLetters, IMessageBroker broker, Pseudonymizer pseudonymizer,
        IOptions<JobOptions> options, TimeProvider time, Meter meter, ILogger<AppointmentReminderOutboxRelay> logger)
    {
        _outbox = outbox;
        _deadLetters = deadLetters;
        _broker = broker;
        _pseudonymizer = pseudonymizer;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _completed = meter.CreateWardjobsJobsCompletedCounter();
        meter.CreateObservableGauge("wardjobs.outbox.pending", () => _pending, "{message}"); // clean precision-about
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            _pending = await _outbox.CountPendingAsync(stoppingToken);
            var batch = await _outbox.FetchUnprocessedAsync(_options.BatchSize, _time.GetUtcNow(), stoppingToken);
            _logger.LogDebug("Outbox poll: {Count} of {Pending} pending messages", batch.Count, _pending);
            foreach (var message in batch)
            {
                await RelayAsync(message, stoppingToken);
            }
            if (batch.Count > 0)
            {
                _logger.LogDebug("Poll done; last appointment relayed {AppointmentId}", _lastAppointment); // clean cross-member
            }
        }
    }

    private async Task RelayAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var span = Source.StartWardjobsOutboxDispatch(message.Type)
            .SetWardjobsJobKey(message.PartitionKey ?? "none") // clean precision-names
            .SetWardjobsJobAttempt(message.Attempts + 1);
        _logger.LogDebug("Relaying {Message}", message); // leak TC1001 logging-objects

        var reminder = JsonSerializer.Deserialize<AppointmentReminderDue>(message.Content)!;
        span.SetWardjobsPatientId(_pseudonymizer.PseudonymizeWardjobsPatientId(reminder.HospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("wardjobs.reminder.clinic", reminder.ClinicCode); // clean precision-names
        _lastAppointment = reminder.AppointmentId;
        span.Activity?.SetTag("wardjobs.reminder.slot", $"{reminder.ClinicCode}/{reminder.StartsAt:yyyy-MM-ddTHH:mm}"); // clean strings
        span.Activity?.SetTag("wardjobs.reminder.has_mobile", reminder.MobileNumber.StartsWith("07", StringComparison.Ordinal)); // clean precision-about
        if (!reminder.MobileNumber.StartsWith("07", StringComparison.Ordinal))
        {
            span.Activity?.SetTag(WardjobsAttributes.PatientContact, reminder.MobileNumber); // leak TC1001 generated-api
            _logger.LogWarning("Reminder {AppointmentId} has no UK mobile: {Mobile}", reminder.AppointmentId, reminder.MobileNumber); // leak TC1001 direct
        }

        try
        {
            await _broker.PublishAsync(message.Destination, message.PartitionKey, message.Content, cancellationToken: cancellationToken);
            await _outbox.MarkProcessedAsync(message.Id, _time.GetUtcNow(), cancellationToken);
            _logger.LogInformation("Relayed {MessageId} of {Type} to {Destination} after {Age}", message.Id, message.Type, message.Destination, _time.GetUtcNow() - message.OccurredOnUtc); // clean precision-names
            _completed.Add(1, "appointment-reminder-relay", "outbox", "succeeded"); // clean generated-api
        }
        catch (BrokerUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true).SetWardjobsOutcome("retrying"); // clean exceptions
            var attempt = message.Attempts + 1;
            if (attempt >= _options.MaxAttempts)
            {
                await _deadLetters.AddAsync(new DeadLetter(Guid.NewGuid(), "booking-outbox", message.Type, message.Content, DeadLetterReason.MaxAttemptsExceeded, attempt, _time.GetUtcNow()) { ErrorMessage = ex.Message }, cancellationToken);
                await _outbox.DeleteAsync(message.Id, cancellationToken);
                _logger.LogWardjobsJobDeadLetteredEvent("appointment-reminder-relay", "dead_lettered", attempt, wardjobsNote: $"{message.Type} gave up after {attempt} attempts: {ex.Status}"); // clean generated-api
                _logger.LogError("Dead-lettered reminder for patient {HospitalNumber}, appointment {AppointmentId}", reminder.HospitalNumber, reminder.AppointmentId); // leak TC1001 direct
                return;
            }
            var delay = Backoff.WithJitter(Backoff.Exponential(attempt, _options.BaseDelay, _options.MaxDelay));
            await _outbox.MarkFailedAsync(message.Id, ex.Message, _time.GetUtcNow() + delay, cancellationToken);
            _logger.LogWarning(ex, "Publish of {MessageId} failed, attempt {Attempt}; next try in {Delay}", message.Id, attempt, delay);
        }
    }
}

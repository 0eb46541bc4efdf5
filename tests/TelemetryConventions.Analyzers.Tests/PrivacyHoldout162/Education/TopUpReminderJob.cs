namespace PrivacyHoldout162.Education;

public sealed class TopUpReminderJob(IMessenger messenger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TopUpReminderJob> logger)
{
    private static readonly ActivitySource Source = new("School.TopUps");

    private readonly List<Pupil> _lowBalance = new();
    private Pupil? _lowest;

    public void Consider(Pupil pupil, decimal threshold)
    {
        if (pupil.Balance < threshold)
        {
            _lowBalance.Add(pupil);
            if (_lowest is null || pupil.Balance < _lowest.Balance)
            {
                _lowest = pupil;
            }
        }
    }

    public async Task SendAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("canteen.topup.reminders");
        activity?.SetTag("reminders.count", _lowBalance.Count); // clean cross-member
        activity?.SetTag("reminders.lowest.balance", (double)(_lowest?.Balance ?? 0)); // clean cross-member
        activity?.SetTag("reminders.lowest.pupil", _lowest?.StudentNumber); // leak TC1001 cross-member
        activity?.SetTag("reminders.lowest.year", _lowest?.YearGroup); // clean cross-member
        logger.LogInformation("Lowest balance {Pupil}", _lowest); // leak TC1001 cross-member
        foreach (var pupil in _lowBalance)
        {
            using var scope = logger.BeginScope("Reminder for {ParentEmail}", pupil.ParentEmail); // leak TC1001 logging-objects
            logger.LogDebug("Reminder to parent at {Domain}", pupil.ParentEmail.Substring(pupil.ParentEmail.IndexOf('@') + 1)); // clean precision-about
            logger.LogDebug("Reminder for pupil {Pupil}", pseudonymizer.ComputeCanteenPupilId(pupil.StudentNumber)); // clean precision-pseudonym
            logger.LogDebug("Reminder batch {Batch}", Batch(pupil.StudentNumber)); // clean hashes
            logger.LogDebug("Reminder key {Key}", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(pupil.StudentNumber)))); // leak TC1002 hashes
            await messenger.EmailAsync(pupil.ParentEmail, "tpl-topup", cancellationToken);
        }

        logger.LogInformation("Reminders sent to {Parents}", string.Join(", ", _lowBalance.Select(p => p.ParentEmail))); // leak TC1001 cross-member
        logger.LogInformation("Reminders by year: {Years}", string.Join(", ", _lowBalance.GroupBy(p => p.YearGroup).Select(g => $"{g.Key}={g.Count()}"))); // clean cross-member
        _lowBalance.Clear();
    }

    private int Batch(string studentNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[1] % 10;
}

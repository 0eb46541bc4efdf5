namespace PrivacyHoldout127.Healthcare;

/// <summary>The nightly compliance run: ward snapshots against each requirement, reminders to overdue staff and revalidation checks on the professional registers.</summary>
public sealed class ComplianceReminderJob(
    IComplianceStore store,
    IReminderMailer mailer,
    IProfessionalRegister register,
    TrainingOptions options,
    TelemetrySecrets secrets,
    ILogger<ComplianceReminderJob> logger)
{
    private static readonly ActivitySource Source = new("Trust.StaffTraining.Compliance");
    private static readonly Meter Meter = new("Trust.StaffTraining.Compliance");
    private static readonly Histogram<double> WardCompliance = Meter.CreateHistogram<double>("stafftrain.ward.compliance", "%");

    public async Task RunAsync(string ward, IReadOnlyList<TrainingRequirement> requirements, CancellationToken ct)
    {
        using var activity = Source.StartActivity("stafftrain.compliance.run");
        activity?.SetTag("stafftrain.ward", ward); // clean precision-names
        foreach (var requirement in requirements)
        {
            var snapshots = await store.SnapshotAsync(requirement.Code, ct);
            foreach (var snapshot in snapshots.Where(s => s.Unit == ward))
            {
                WardCompliance.Record(snapshot.Percent, new("ward", snapshot.Unit), new("requirement", snapshot.RequirementCode)); // clean precision-names
                logger.LogInformation("Compliance {@Snapshot}", snapshot); // clean logging-objects
            }
            logger.LogDebug("Requirement {@Requirement}", requirement); // clean logging-objects
        }

        var overdue = await store.OverdueAsync(ward, ct);
        activity?.SetTag("stafftrain.overdue.count", overdue.Count); // clean precision-about
        logger.LogInformation("Overdue on {Ward}: {Overdue}", ward, overdue); // leak TC1001 logging-objects
        logger.LogInformation("Overdue staff numbers: {Numbers}", string.Join(",", overdue.Select(o => o.StaffNumber))); // leak TC1001 strings
        foreach (var item in overdue)
        {
            var fields = new Dictionary<string, string> { ["name"] = item.FullName, ["requirement"] = item.RequirementCode, ["due"] = item.DueOn.ToString("d", CultureInfo.InvariantCulture) };
            await mailer.SendAsync($"{item.StaffNumber}@nhs.example", options.ReminderEmailTemplateId, fields, ct);
            logger.LogDebug("Reminder queued for {To}", $"{item.StaffNumber}@nhs.example"); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["template"] = options.ReminderEmailTemplateId, ["requirement"] = item.RequirementCode })); // clean precision-names
            logger.LogDebug("Reminder fields {Fields}", fields); // leak TC1001 logging-objects
            var bucket = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(item.StaffNumber)))[..2];
            activity?.SetTag("stafftrain.reminder.bucket", bucket); // clean hashes
            activity?.SetTag("stafftrain.reminder.key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(item.StaffNumber)))); // leak TC1002 hashes
        }
    }

    /// <summary>Checks a doctor's or nurse's registration ahead of revalidation.</summary>
    public async Task CheckRegistrationAsync(string registerName, string registrationNumber, CancellationToken ct)
    {
        using var activity = Source.StartActivity("stafftrain.registration.check");
        activity?.SetTag("stafftrain.register", registerName); // clean precision-names
        try
        {
            var status = await register.LookupAsync(registrationNumber, ct);
            activity?.SetTag("stafftrain.registration.status", status.Status); // clean precision-about
            logger.LogInformation("Registration {Status}", status); // clean logging-objects
            logger.LogInformation("Checked registration {RegistrationNumber}: {Status}", registrationNumber, status.Status); // leak TC1001 direct
        }
        catch (RegistrationNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("stafftrain.register.failed", ex.Register); // clean exceptions
        }
    }
}

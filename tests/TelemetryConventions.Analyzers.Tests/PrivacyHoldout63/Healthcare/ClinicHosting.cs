using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Healthcare;

public sealed class ClinicNotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The on-call consultant's own nhs.net mailbox; the rota tool rewrites it every week.</summary>
    public string EscalationEmail { get; set; } = string.Empty;

    /// <summary>The ward's shared mailbox, a role address of the trust.</summary>
    public string WardMailbox { get; set; } = string.Empty;

    public string SmsSenderId { get; set; } = "RXHCLINIC";

    public int PatientReminderRetryCount { get; set; } = 3;

    public TimeSpan PatientReminderDelay { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class ClinicNotificationOptionsValidator : IValidateOptions<ClinicNotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicNotificationOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (!options.EscalationEmail.EndsWith("@nhs.net", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddError($"'{options.EscalationEmail}' is not an nhs.net address", nameof(options.EscalationEmail));
        }

        if (string.IsNullOrWhiteSpace(options.WardMailbox))
        {
            builder.AddError("a ward mailbox is required", nameof(options.WardMailbox));
        }

        if (options.PatientReminderRetryCount is < 0 or > 10)
        {
            builder.AddError($"{options.PatientReminderRetryCount} retries is out of range", nameof(options.PatientReminderRetryCount));
        }

        return builder.Build();
    }
}

/// <summary>Runs the validators itself at start-up and logs what is wrong, so that a bad rota entry degrades escalations instead of stopping the clinic API.</summary>
public sealed class ClinicStartupChecks(
    IOptions<ClinicNotificationOptions> notifications,
    IEnumerable<IValidateOptions<ClinicNotificationOptions>> validators,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<ClinicStartupChecks> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = notifications.Value;
        foreach (var validator in validators)
        {
            var result = validator.Validate(null, options);
            if (result.Failed)
            {
                logger.LogError("Notification settings invalid: {Failures}", result.FailureMessage); // leak TC1001 cross-member
                logger.LogError("{FailureCount} notification settings invalid", result.Failures?.Count() ?? 0);
            }
        }

        logger.LogInformation("Clinic API starting in {Environment}", environment.EnvironmentName);
        logger.LogInformation("Escalations go to {EscalationEmail}", options.EscalationEmail); // leak TC1001 direct
        logger.LogInformation("Escalations go to a mailbox at {EscalationDomain}", options.EscalationEmail[(options.EscalationEmail.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Ward notices are sent from {WardMailbox}", options.WardMailbox); // clean precision-names
        logger.LogInformation("Patient reminders: {PatientReminderRetryCount} retries, {PatientReminderDelay} apart", options.PatientReminderRetryCount, options.PatientReminderDelay); // clean precision-names

        var pas = new DbConnectionStringBuilder { ConnectionString = configuration.GetConnectionString("Pas") ?? string.Empty };
        pas.TryGetValue("Data Source", out var server);
        pas.TryGetValue("Initial Catalog", out var database);
        logger.LogInformation("PAS replica {Server}/{Database}", server, database); // clean precision-about
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record AdtMessage(string ControlId, string Raw, int DeliveryCount)
{
    /// <summary>PID-3 as far as it could be read, for routing a message that does not parse.</summary>
    public string HospitalNumberHint => Raw.Split('|').ElementAtOrDefault(3) ?? string.Empty;

    public bool TryParse(out ParsedAdt parsed, out string error)
    {
        var fields = Raw.Split('|');
        if (fields.Length < 8)
        {
            parsed = default!;
            error = $"PID has {fields.Length} fields, expected at least 8";
            return false;
        }

        parsed = new ParsedAdt(fields[1], fields[3], fields[5], fields[7]);
        error = string.Empty;
        return true;
    }
}

public sealed record ParsedAdt(string EventType, string HospitalNumber, string FamilyName, string Ward);

public interface IAdtQueue
{
    Task<IReadOnlyList<AdtMessage>> ReceiveAsync(int max, CancellationToken cancellationToken);

    Task CompleteAsync(AdtMessage message, CancellationToken cancellationToken);

    Task DeadLetterAsync(AdtMessage message, string reason, string description, CancellationToken cancellationToken);
}

/// <summary>Drains the ADT feed every twenty seconds and keeps the feed monitor up to date.</summary>
public sealed class AdtFeedWorker(
    IAdtQueue queue,
    AdtFeedMonitor monitor,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    IHostApplicationLifetime lifetime,
    ILogger<AdtFeedWorker> logger) : BackgroundService
{
    private const int MaxDeliveries = 5;
    private readonly PeriodicTimer _timer = new(TimeSpan.FromSeconds(20));
    private readonly List<AdtMessage> _unacknowledged = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => logger.LogInformation("ADT worker stopping with {Pending} messages unacknowledged", _unacknowledged.Count));

        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = await queue.ReceiveAsync(50, stoppingToken);
            _unacknowledged.AddRange(batch);
            foreach (var message in batch)
            {
                if (!message.TryParse(out var parsed, out var error))
                {
                    logger.LogTrace("Unparseable ADT message: {Raw}", message.Raw); // leak TC1001 direct
                    if (message.DeliveryCount >= MaxDeliveries)
                    {
                        await queue.DeadLetterAsync(message, "unparseable", $"{error}; PID-3 {message.HospitalNumberHint}", stoppingToken); // clean direct
                        monitor.RejectedLastHour++;
                        monitor.LastRejected = new RejectedAdtMessage(message.ControlId, message.HospitalNumberHint, string.Empty, error, DateTimeOffset.UtcNow);
                        logger.LogError("Poison ADT message {ControlId} after {Deliveries} deliveries: {Error}", message.ControlId, message.DeliveryCount, error); // clean precision-about
                    }

                    continue;
                }

                using var span = source.StartPasCall("ApplyAdt", spanName: $"ADT {parsed.EventType} {parsed.HospitalNumber}"); // leak TC1001 generated-api

                // The interface engine was meant to pseudonymise PID-3 before it reaches us; it still sends the hospital number.
                span.SetPasPatientId(Pseudonym.FromComputed(parsed.HospitalNumber)); // leak TC1001 precision-pseudonym
                Baggage.SetBaggage("patient.ref", pseudonymizer.ComputePasPatientId(parsed.HospitalNumber)); // clean precision-pseudonym

                using (logger.BeginScope(new Dictionary<string, object> { ["patient_ref"] = pseudonymizer.ComputePasPatientId(parsed.HospitalNumber), ["ward"] = parsed.Ward })) // clean precision-pseudonym
                {
                    logger.LogInformation("Applied {EventType} on {Ward}", parsed.EventType, parsed.Ward);
                    logger.LogDebug($"Applied {parsed.EventType} for {parsed.HospitalNumber} {parsed.FamilyName}"); // leak TC1001 strings
                }

                monitor.LastMessageAt = DateTimeOffset.UtcNow;
                await queue.CompleteAsync(message, stoppingToken);
                _unacknowledged.Remove(message);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_unacknowledged.Count > 0)
        {
            logger.LogWarning("Unacknowledged at shutdown: {Patients}", _unacknowledged.Select(m => m.HospitalNumberHint).ToList()); // leak TC1001 logging-objects
            logger.LogWarning("Unacknowledged at shutdown: {ControlIds}", _unacknowledged.Select(m => m.ControlId).ToList()); // clean logging-objects
        }

        await base.StopAsync(cancellationToken);
        _timer.Dispose();
        logger.LogInformation("ADT worker stopped; last message {SinceLastMessage} ago", monitor.Lag);
    }
}

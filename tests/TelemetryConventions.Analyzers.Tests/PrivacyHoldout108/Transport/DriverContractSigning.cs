namespace PrivacyHoldout108.Transport;

public sealed record DriverContractChange(string StaffNumber, string DriverName, string DriverEmail, string Depot, string ContractType, DateOnly EffectiveFrom, string HrAdvisorId);

public sealed class DriverNotOnPayrollException(string staffNumber)
    : Exception($"Driver {staffNumber} is not on the payroll; cannot issue a contract change.")
{
    public string StaffNumber { get; } = staffNumber;
}

/// <summary>HR sends drivers their contract variations (rota pattern, depot moves) for signature; unsigned ones are chased by the depot manager.</summary>
public sealed partial class DriverContractSigning(
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DriverContractSigning> logger)
{
    private readonly Counter<long> _variations = meter.CreateCounter<long>("hr.contract_variations");

    public async Task<string> SendVariationAsync(DriverContractChange change, bool onPayroll, CancellationToken cancellationToken)
    {
        using var span = source.StartAppealsignEnvelopeSend("pending");
        span.Activity?.SetTag("hr.depot", change.Depot); // clean precision-names
        span.Activity?.SetTag("hr.contract_type", change.ContractType); // clean precision-names
        span.Activity?.SetTag("hr.effective_from", change.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about

        if (!onPayroll)
        {
            try
            {
                throw new DriverNotOnPayrollException(change.StaffNumber);
            }
            catch (DriverNotOnPayrollException ex)
            {
                logger.LogError(ex, "Contract variation refused"); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, "driver not on payroll"); // clean exceptions
                throw;
            }
        }

        var definition = new EnvelopeDefinition
        {
            TemplateId = $"tpl-variation-{change.ContractType}",
            EmailSubject = "Contract variation to sign",
            Recipients = new Recipients { Signers = [new Signer { Email = change.DriverEmail, Name = change.DriverName, RecipientId = "1", RoleName = "Employee" }] },
            CustomFields = new CustomFields { TextCustomFields = [new TextCustomField { Name = "StaffNumber", Value = change.StaffNumber }, new TextCustomField { Name = "Depot", Value = change.Depot }] },
            Notification = new Notification { Reminders = new Reminders { ReminderEnabled = "true", ReminderDelay = "3", ReminderFrequency = "2" } },
            Status = "sent",
        };
        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);

        span.SetAppealsignEnvelopeId(summary.EnvelopeId!) // clean generated-api
            .SetAppealsignTemplateId(definition.TemplateId) // clean generated-api
            .SetAppealsignSignerId(pseudonymizer.PseudonymizeAppealsignSignerId(change.StaffNumber)) // clean precision-pseudonym
            .SetAppealsignSenderId(pseudonymizer.PseudonymizeAppealsignSenderId(change.HrAdvisorId)) // clean precision-pseudonym
            .SetAppealsignNote($"{change.ContractType} at {change.Depot} from {change.EffectiveFrom:yyyy-MM-dd}"); // clean generated-api
        span.Activity?.SetTag("hr.custom_fields", definition.CustomFields.TextCustomFields.Select(f => f.Name).ToArray()); // clean precision-names
        var staffField = definition.CustomFields.TextCustomFields.First(f => f.Name == "StaffNumber");
        span.Activity?.SetTag("hr.staff_field", staffField.Value); // leak TC1001 cross-member
        span.Activity?.SetTag("hr.reminders", $"{definition.Notification.Reminders.ReminderDelay}/{definition.Notification.Reminders.ReminderFrequency}"); // clean precision-about

        _variations.Add(1, new KeyValuePair<string, object?>("depot", change.Depot), new KeyValuePair<string, object?>("type", change.ContractType)); // clean precision-names
        _variations.Add(1, new KeyValuePair<string, object?>("driver", change.StaffNumber)); // leak TC1003 direct
        VariationSent(logger, summary.EnvelopeId!, change.Depot, change.DriverName); // leak TC1001 logging-objects
        VariationSentRedacted(logger, summary.EnvelopeId!, change.Depot, change.StaffNumber); // clean logging-objects
        logger.LogInformation("Variation {EnvelopeId} for {Driver}", summary.EnvelopeId, $"{change.DriverName} <{change.DriverEmail}>"); // leak TC1001 strings
        return summary.EnvelopeId!;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Variation {EnvelopeId} sent at depot {Depot} to {DriverName}")]
    private static partial void VariationSent(ILogger logger, string envelopeId, string depot, string driverName);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Variation {EnvelopeId} sent at depot {Depot} to driver {StaffNumber}")]
    private static partial void VariationSentRedacted(ILogger logger, string envelopeId, string depot, [PrivateData] string staffNumber);
}

namespace PrivacyHoldout108.Energy;

public sealed record UnsignedContract(string EnvelopeId, string AccountNumber, string HolderEmail, string HolderPhone, string Mpan, int Reminders, DateTimeOffset ExpiresAt);

public interface IUnsignedContracts
{
    IAsyncEnumerable<UnsignedContract> DueAsync(CancellationToken cancellationToken);
}

/// <summary>Chases unsigned supply contracts: resends on day 3 and 6, texts the holder before expiry, and cancels the switch when the envelope expires.</summary>
public sealed class ContractReminderWorker(IUnsignedContracts contracts, EnvelopesApi envelopes, SigningOptions options, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<ContractReminderWorker> logger) : BackgroundService
{
    private string _currentAccount = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var contract in contracts.DueAsync(stoppingToken))
        {
            _currentAccount = contract.AccountNumber;
            using var span = source.StartContractsignWebhookReceive("reminder.due").SetContractsignEnvelopeId(contract.EnvelopeId).SetContractsignReminderCount(contract.Reminders); // clean generated-api
            var hoursLeft = (contract.ExpiresAt - DateTimeOffset.UtcNow).TotalHours;
            span.Activity?.SetTag("contract.hours_to_expiry", Math.Round(hoursLeft)); // clean precision-about
            if (hoursLeft < 48)
            {
                var sms = $"Your energy contract expires soon. Sign now or call us. Ref {contract.AccountNumber}";
                span.Activity?.AddEvent(new ActivityEvent("contract.expiry_sms", tags: new ActivityTagsCollection { ["to"] = contract.HolderPhone, ["length"] = sms.Length })); // leak TC1001 direct
                span.Activity?.SetTag("contract.sms_text", sms); // leak TC1001 strings
            }
            await envelopes.UpdateAsync(options.AccountId, contract.EnvelopeId, resendEnvelope: true, cancellationToken: stoppingToken);
            Tag(span.Activity);
            logger.LogContractsignEnvelopeFailedEvent(contract.EnvelopeId, "reminded", contractsignNote: $"resent to {contract.HolderEmail}"); // leak TC1001 generated-api
            span.SetContractsignSignerId(pseudonymizer.PseudonymizeContractsignSignerId(contract.AccountNumber)); // clean precision-pseudonym
            meter.CreateContractsignEnvelopesCounter().Add(1, "tpl-supply-contract-2025", "reminded"); // clean generated-api
            logger.LogDebug("Reminder sent for {Contract}", contract); // leak TC1001 logging-objects
        }
    }

    private void Tag(Activity? activity) => activity?.SetTag("contract.account", _currentAccount); // leak TC1001 cross-member
}

namespace PrivacyHoldout113.Energy;

public sealed record SmartDataChoice(string AccountNumber, string Mpan, string MeterSerial, string Granularity, string Channel, string? AgentId);

/// <summary>Records a household's choice of smart meter read frequency (monthly, daily, half-hourly) and applies it to the meter schedule.</summary>
public sealed class SmartDataConsentService(
    IConsentStore consents,
    ILogger<SmartDataConsentService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _choices = meter.CreateCounter<long>("enaudit.smart_data.choices");

    public async Task ApplyAsync(SmartDataChoice choice, CancellationToken cancellationToken)
    {
        using var span = source.StartEnauditRequest(Guid.NewGuid().ToString("N"), "consent");
        span.SetEnauditConsentPurpose($"smart-data-{choice.Granularity}"); // clean precision-names
        span.SetEnauditSubjectId(pseudonymizer.PseudonymizeEnauditSubjectId(choice.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("enaudit.mpan", choice.Mpan); // leak TC1001 direct
        span.Activity?.SetTag("enaudit.mpan.distributor", choice.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("enaudit.channel", choice.Channel); // clean precision-names

        var record = new ConsentRecord(choice.AccountNumber, "smart-data", choice.Granularity == "half-hourly", choice.Channel, "smart-2024", DateTimeOffset.UtcNow);
        await consents.SaveAsync(record, cancellationToken);
        logger.LogInformation("Smart data choice saved for purpose {Purpose}, granted {Granted}", record.Purpose, record.Granted); // clean precision-about
        logger.LogInformation("Smart data choice saved: {@Record}", record); // leak TC1001 logging-objects
        logger.LogInformation("Schedule change queued for meter {Serial}", choice.MeterSerial); // leak TC1001 direct

        if (choice.AgentId is { } agent)
        {
            span.SetEnauditNote($"taken by phone agent {agent}"); // leak TC1001 generated-api
            Baggage.SetBaggage("enaudit.agent", pseudonymizer.ComputeEnauditActorId(agent)); // clean precision-pseudonym
        }

        _choices.Add(1, new KeyValuePair<string, object?>("enaudit.granularity", choice.Granularity), new KeyValuePair<string, object?>("enaudit.channel", choice.Channel)); // clean precision-names
        _choices.Add(1, new KeyValuePair<string, object?>("enaudit.account", pseudonymizer.ComputeEnauditSubjectId(choice.AccountNumber))); // leak TC1003 precision-pseudonym
    }

    public void TraceWithdrawal(string accountNumber, string meterSerial)
    {
        var key = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(meterSerial)));
        Activity.Current?.SetTag("enaudit.withdrawal.meter", key); // leak TC1002 hashes
        Activity.Current?.SetTag("enaudit.withdrawal.account.length", accountNumber.Length); // clean precision-about
    }
}

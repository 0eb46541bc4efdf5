namespace PrivacyHoldout108.Energy;

public sealed record SwitchContract(string AccountNumber, string HolderName, string HolderEmail, string Mpan, string MeterSerial, string Tariff, string Region, string AgentStaffId);

public sealed class MeterPointNotFoundException(string mpan) : Exception($"No meter point registered for MPAN {mpan}.")
{
    public string Mpan { get; } = mpan;
}

/// <summary>Sends the supply contract of a switch for signature, with the tariff's terms and the meter point written into locked tabs.</summary>
public sealed class SupplyContractSigning(
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SupplyContractSigning> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Contracts");
    private static readonly Meter ContractsMeter = new("Supplier.Contracts");
    private static readonly Counter<long> ContractsSent = ContractsMeter.CreateCounter<long>("contracts.sent");

    public async Task<string> SendAsync(SwitchContract contract, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("contract.send", ActivityKind.Client);
        activity?.SetTag("contract.tariff", contract.Tariff); // clean precision-names
        activity?.SetTag("contract.region", contract.Region); // clean precision-names
        activity?.SetTag("contract.meter_model", contract.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("contract.meter_serial", contract.MeterSerial); // leak TC1001 direct
        Baggage.SetBaggage("contract.account", contract.AccountNumber); // leak TC1001 direct
        Baggage.SetBaggage("contract.account_pseudonym", pseudonymizer.ComputeContractsignSignerId(contract.AccountNumber)); // clean precision-pseudonym

        if (!contract.Mpan.All(char.IsDigit))
        {
            var notFound = new MeterPointNotFoundException(contract.Mpan);
            activity?.AddException(notFound); // leak TC1001 exceptions
            logger.LogWarning("Contract not sent: {Error}", notFound.GetType().Name); // clean exceptions
            throw notFound;
        }

        var definition = new EnvelopeDefinition
        {
            TemplateId = "tpl-supply-contract-2025",
            EmailSubject = "Your new energy supply contract",
            EmailBlurb = $"Dear {contract.HolderName}, please sign your contract for meter point {contract.Mpan}.",
            Recipients = new Recipients
            {
                Signers = [new Signer { Email = contract.HolderEmail, Name = contract.HolderName, RecipientId = "1", RoleName = "AccountHolder" }],
            },
            Status = "sent",
        };
        activity?.SetTag("contract.subject", definition.EmailSubject); // clean precision-names
        activity?.SetTag("contract.blurb", definition.EmailBlurb); // leak TC1001 strings
        activity?.SetTag("contract.blurb_length", definition.EmailBlurb.Length); // clean precision-about

        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
        Activity.Current.EnrichContractsignEnvelopeSend(summary.EnvelopeId!) // clean generated-api
            .SetContractsignSignerId(pseudonymizer.PseudonymizeContractsignSignerId(contract.AccountNumber)) // clean precision-pseudonym
            .SetContractsignSenderId(pseudonymizer.PseudonymizeContractsignSenderId(contract.AgentStaffId)) // clean precision-pseudonym
            .SetContractsignTemplateId(definition.TemplateId) // clean generated-api
            .SetContractsignNote($"mpan {contract.Mpan}"); // leak TC1001 generated-api

        var bucket = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(contract.AccountNumber)))[..8];
        activity?.SetTag("contract.account_bucket", bucket); // leak TC1002 hashes
        var partition = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(contract.AccountNumber))[0] % 32;
        activity?.SetTag("contract.partition", partition); // clean hashes
        ContractsSent.Add(1, new KeyValuePair<string, object?>("tariff", contract.Tariff), new KeyValuePair<string, object?>("region", contract.Region)); // clean precision-names
        ContractsSent.Add(1, new KeyValuePair<string, object?>("mpan", contract.Mpan)); // leak TC1003 direct

        logger.LogInformation("Supply contract {EnvelopeId} sent for {Contract}", summary.EnvelopeId, contract); // leak TC1001 logging-objects
        logger.LogInformation("Supply contract {EnvelopeId} sent on tariff {Tariff}", summary.EnvelopeId, contract.Tariff); // clean precision-names
        return summary.EnvelopeId!;
    }
}

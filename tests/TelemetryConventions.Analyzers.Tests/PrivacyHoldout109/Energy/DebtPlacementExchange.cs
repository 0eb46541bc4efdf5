namespace PrivacyHoldout109.Energy;

/// <summary>A debt placed with a collection agency.</summary>
public sealed record Placement(string AccountNumber, string HolderName, string Phone, decimal Balance, DateOnly Since);

/// <summary>Exchanges placement and recall files with the debt collection agencies.</summary>
public sealed class DebtPlacementExchange(
    ActivitySource source,
    Meter meter,
    ILogger<DebtPlacementExchange> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint agency)
{
    private readonly Histogram<double> _balances = meter.CreateHistogram<double>("meterfeed.placement.balance", "GBP");

    public void Place(IReadOnlyList<Placement> placements)
    {
        var fileName = $"PLC_{agency.PartnerCode}_{DateTime.UtcNow:yyyyMMdd}.psv";
        using var span = source.StartMeterfeedTransfer(agency.PartnerCode, "outbound");
        var text = string.Join("\n", placements.Select(p => string.Join('|', p.AccountNumber, p.HolderName, p.Phone, p.Balance.ToString(CultureInfo.InvariantCulture))));
        foreach (var p in placements)
        {
            _balances.Record((double)p.Balance, new KeyValuePair<string, object?>("agency", agency.PartnerCode)); // clean precision-about
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Account"] = p.AccountNumber }); // leak TC1001 direct
            logger.LogDebug("Placing balance {Balance} since {Since}", p.Balance, p.Since); // clean precision-about
        }
        span.SetMeterfeedFileName(fileName); // clean generated-api
        span.SetMeterfeedNote($"{placements.Count} placements, oldest {placements.Min(p => p.Since):yyyy-MM}"); // clean precision-about
        logger.LogInformation("Placement agency login {User} on {Host}", agency.Username, agency.Host); // clean precision-names
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.UTF8.GetBytes(text)), agency.OutboundDir + "/" + fileName);
        meter.CreateMeterfeedFilesCounter().Add(1, agency.PartnerCode, "outbound", "placed"); // clean generated-api
    }

    /// <summary>Reads the agency's recall file: accounts they hand back, with the reason.</summary>
    public void ReadRecalls(string fileName, string text)
    {
        using var span = source.StartMeterfeedImport(agency.PartnerCode, fileName);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            var accountNumber = parts[0];
            var reason = parts[1];
            if (reason == "VULNERABLE")
            {
                logger.LogWarning("Agency recalled a vulnerable customer: {Line}", line); // leak TC1001 strings
                span.SetMeterfeedAccountId(pseudonymizer.PseudonymizeMeterfeedAccountId(accountNumber)); // clean generated-api
                Activity.Current?.AddEvent(new ActivityEvent("recall.vulnerable")); // clean precision-names
            }
            meter.CreateMeterfeedFilesCounter().Add(0, agency.PartnerCode, "inbound", $"recall:{accountNumber}"); // leak TC1003 generated-api
            logger.LogInformation("Recall reason {Reason} for account {AccountRef}", reason, pseudonymizer.ComputeMeterfeedAccountId(accountNumber)); // clean precision-pseudonym
            try
            {
                ValidateAccount(accountNumber);
            }
            catch (RowValidationException ex)
            {
                logger.LogWarning("Recall rejected: {Error}", ex.Message); // leak TC1001 exceptions
            }
        }
    }

    private static void ValidateAccount(string accountNumber)
    {
        if (accountNumber.Length != 10)
        {
            throw new RowValidationException("account_number", $"Account number {accountNumber} is not ten digits");
        }
    }
}

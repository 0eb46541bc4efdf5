namespace PrivacyHoldout168.Transport;

/// <summary>The dealer group's PCP and hire purchase proposals, with a guarantor for thin credit files.</summary>
public sealed class CarFinanceProposalService(
    ICreditBureau bureau,
    IApplicationStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<CarFinanceProposalService> logger)
{
    private static readonly ActivitySource Source = new("Dealers.CarFinance");

    public async Task<string> ProposeAsync(CarFinanceProposal proposal, string segment, CancellationToken ct)
    {
        using var span = Source.StartMotorfinanceOperation(proposal.DealerCode);
        span.SetMotorfinanceCustomerId(pseudonymizer.PseudonymizeMotorfinanceCustomerId(proposal.CustomerNumber)); // clean generated-api
        span.SetMotorfinanceSegment(segment); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("proposal.id", proposal.ProposalId); // clean precision-about
        activity?.SetTag("proposal.deposit_ratio", (double)(proposal.Deposit / proposal.CashPrice)); // clean precision-about
        activity?.SetTag("vehicle.registration", proposal.VehicleRegistration); // leak TC1001 direct
        activity?.SetTag("vehicle.registration_region", proposal.VehicleRegistration[..2]); // clean precision-about
        logger.LogInformation("Proposal {Proposal}", proposal); // leak TC1001 logging-objects
        logger.LogInformation("Proposal {ProposalId} at {Dealer}: {Price} with {Deposit} down", proposal.ProposalId, proposal.DealerCode, proposal.CashPrice, proposal.Deposit); // clean precision-about
        logger.LogInformation("Guarantor supplied: {HasGuarantor}", proposal.GuarantorNumber is not null); // clean precision-about

        var borrower = await store.FindBorrowerAsync(proposal.CustomerNumber, ct) ?? throw new BorrowerNotFoundException(proposal.CustomerNumber);
        var report = await bureau.SearchAsync(new CreditSearchRequest(borrower.FullName, borrower.DateOfBirth, borrower.Postcode, "hard"), ct);
        var decision = report.Score >= 650 ? "approved" : proposal.GuarantorNumber is null ? "declined" : "referred";
        span.SetMotorfinanceOutcome(decision); // clean generated-api
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "Proposal {0} decided {1}", proposal.ProposalId, decision)); // clean strings
        meter.CreateMotorfinanceProposalsCounter().Add(1, proposal.DealerCode, decision); // clean generated-api

        if (decision == "referred" && proposal.GuarantorNumber is { } guarantorNumber)
        {
            var guarantor = await store.FindGuarantorAsync(guarantorNumber, ct);
            span.SetMotorfinanceNote(FormattableString.Invariant($"referred with guarantor {guarantor?.FullName} ({guarantor?.Relationship})")); // leak TC1001 generated-api
            span.SetMotorfinanceNote("referred with a guarantor"); // clean generated-api
            logger.LogInformation("Guarantor relationship {Relationship}", guarantor?.Relationship); // clean precision-about
            logger.LogInformation("Guarantor contact {Mobile}", guarantor?.Mobile); // leak TC1001 direct
        }

        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(proposal.CustomerNumber)))[..12];
        logger.LogDebug("Proposal key {Key}", keyed); // clean hashes
        var unkeyed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(proposal.VehicleRegistration + proposal.CustomerNumber)))[..12];
        logger.LogDebug("Legacy proposal key {Key}", unkeyed); // leak TC1002 hashes
        meter.CreateMotorfinanceProposalsCounter().Add(1, proposal.DealerCode, pseudonymizer.ComputeMotorfinanceCustomerId(proposal.CustomerNumber)); // leak TC1003 precision-pseudonym
        return decision;
    }
}

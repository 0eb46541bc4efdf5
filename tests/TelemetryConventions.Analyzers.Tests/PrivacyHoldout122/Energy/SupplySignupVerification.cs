namespace PrivacyHoldout122.Energy;

public sealed record SupplySignup(string AccountNumber, string FirstName, string LastName, string Email, string Phone, DateOnly DateOfBirth, string Mpan, string MeterSerial, string Postcode, string Region);

/// <summary>
/// Verifies a new customer before a supply switch goes ahead: the applicant at the vendor, a document and
/// selfie check, and the meter serial on the sign-up matched against the premises' registered meter.
/// </summary>
public sealed class SupplySignupVerification(
    IVeriDocClient veriDoc,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<SupplySignupVerification> logger)
{
    private readonly Counter<long> _signups = meter.CreateCounter<long>("supply.signup.verifications");

    public async Task<string> StartAsync(SupplySignup signup, string registeredMeterSerial, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("supply.signup.verify");
        activity?.SetTag("signup.region", signup.Region); // clean precision-names
        activity?.SetTag("signup.account", signup.AccountNumber); // leak TC1001 direct
        activity?.SetTag("signup.meter_serial", signup.MeterSerial); // leak TC1001 direct
        activity?.SetTag("signup.meter_model", signup.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("signup.meter_matches", string.Equals(signup.MeterSerial, registeredMeterSerial, StringComparison.OrdinalIgnoreCase)); // clean precision-about
        activity?.SetBaggage("account.ref", pseudonymizer.ComputeAccountidvCustomerId(signup.AccountNumber)); // clean precision-pseudonym
        activity?.SetBaggage("account.number", signup.AccountNumber); // leak TC1001 direct

        if (!string.Equals(signup.MeterSerial, registeredMeterSerial, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Meter serial {Declared} does not match registered {Registered} at MPAN {Mpan}", signup.MeterSerial, registeredMeterSerial, signup.Mpan); // leak TC1001 direct
        }

        Applicant applicant;
        try
        {
            applicant = await veriDoc.CreateApplicantAsync(new ApplicantRequest(signup.FirstName, signup.LastName, signup.Email, signup.DateOfBirth, signup.AccountNumber), cancellationToken);
        }
        catch (VeriDocApiException ex) when (ex.Type == "validation_error")
        {
            activity?.SetTag("veridoc.error.type", ex.Type); // clean exceptions
            activity?.SetTag("veridoc.error.fields", string.Join(",", ex.Fields.Keys)); // clean exceptions
            activity?.SetTag("veridoc.error.detail", string.Join("; ", ex.Fields.SelectMany(f => f.Value))); // leak TC1001 exceptions
            logger.LogWarning("Vendor refused applicant for account {AccountRef}: {Status} {Type}", pseudonymizer.ComputeAccountidvCustomerId(signup.AccountNumber), ex.StatusCode, ex.Type); // clean precision-pseudonym
            throw;
        }

        var check = await veriDoc.CreateCheckAsync(new CheckRequest(applicant.Id, new[] { "document", "facial_similarity_video" }) { Tags = new[] { "supply-switch", signup.Region } }, cancellationToken);
        using var span = source.StartAccountidvVerify(check.Id, options.Vendor).SetAccountidvRegion(signup.Region); // clean generated-api
        span.SetAccountidvCustomerId(pseudonymizer.PseudonymizeAccountidvCustomerId(signup.AccountNumber)); // clean generated-api
        span.SetAccountidvNote($"tags {string.Join(",", check.Tags)}"); // clean generated-api
        span.SetAccountidvNote($"applicant {applicant.Id} for {signup.Postcode}"); // leak TC1001 generated-api
        _signups.Add(1, new KeyValuePair<string, object?>("region", signup.Region), new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeAccountidvCustomerId(signup.AccountNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Check {CheckId} started, results at {ResultsUri}", check.Id, check.ResultsUri); // clean strings
        return check.Id;
    }
}

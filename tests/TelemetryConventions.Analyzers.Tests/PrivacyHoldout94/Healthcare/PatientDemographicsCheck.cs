namespace PrivacyHoldout94.Healthcare;

public sealed record DemographicsUpdate(string HospitalNumber, string? FullName, PostalAddress? Address, string? Mobile, string? Email);

public sealed record DemographicsCheckOutcome(bool Accepted, PostalAddress? Address, string? MobileE164, IReadOnlyList<string> Warnings);

/// <summary>
/// Runs at the registration desk and when a patient edits their details in the portal: the address is
/// validated and standardised, the mobile normalised to E.164 for SMS reminders, the name re-cased.
/// </summary>
public sealed class PatientDemographicsCheck(
    IAddressValidator addressValidator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<PatientDemographicsCheck> logger)
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly DemogchkChecksCounter _checks = meter.CreateDemogchkChecksCounter();
    private readonly DemogchkCheckDurationHistogram _duration = meter.CreateDemogchkCheckDurationHistogram();

    public async Task<DemographicsCheckOutcome> CheckAsync(DemographicsUpdate update, CancellationToken cancellationToken)
    {
        var patient = pseudonymizer.PseudonymizeDemogchkPatientId(update.HospitalNumber);
        using var span = source.StartDemogchkCheck("address");
        span.SetDemogchkPatientId(patient); // clean precision-pseudonym
        var warnings = new List<string>();

        PostalAddress? standardised = null;
        if (update.Address is { } address)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = await addressValidator.ValidateAsync(address, cancellationToken);
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "address", "loqate");
                span.SetDemogchkVerdict(result.Verdict.ToString().ToLowerInvariant()); // clean precision-about
                span.SetDemogchkConfidence(result.Confidence);
                span.SetDemogchkCandidateCount(result.Suggestions.Count);
                span.Activity?.SetTag("demogchk.address.match_level", result.MatchLevel.ToString()); // clean precision-about
                span.Activity?.SetTag("demogchk.address.corrected", string.Join(",", result.CorrectedComponents)); // clean precision-names
                logger.LogDebug("Missing address components {Missing}", result.MissingComponents); // clean logging-objects
                logger.LogDebug("Address validated for {Patient}: {Result}", patient, result); // leak TC1001 logging-objects

                if (result.Verdict == AddressVerdict.Corrected && result.Standardised is { } fixedAddress)
                {
                    logger.LogInformation("Address corrected from {Before} to {After}", address.FormatSingleLine(), fixedAddress.FormatSingleLine()); // leak TC1001 strings
                    span.Activity?.SetTag("demogchk.address.district", fixedAddress.OutwardCode); // clean precision-about
                    standardised = fixedAddress;
                }
                else if (result.Confidence < options.AddressAcceptConfidence)
                {
                    warnings.Add("address-unverified");
                    span.SetDemogchkNote($"low confidence for {address.Line1}, {address.PostalCode}"); // leak TC1001 generated-api
                }
                _checks.Add(1, "address", result.Verdict.ToString(), address.CountryCode); // clean precision-about
            }
            catch (AddressValidationException ex)
            {
                warnings.Add("address-unparsed");
                span.RecordException(ex); // clean exceptions
                logger.LogWarning(ex, "Address for patient {Patient} could not be parsed ({Component})", patient, ex.Component); // leak TC1001 exceptions
            }
            catch (AddressServiceUnavailableException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogError("Address service unavailable: {Status}", ex.StatusCode); // clean exceptions
            }
        }

        string? e164 = null;
        if (!string.IsNullOrWhiteSpace(update.Mobile))
        {
            try
            {
                var number = _phones.Parse(update.Mobile, options.DefaultRegion);
                var type = _phones.GetNumberType(number);
                span.SetDemogchkNumberType(type.ToString()); // clean precision-about
                span.SetDemogchkRegion(_phones.GetRegionCodeForNumber(number)); // clean precision-about
                if (type != PhoneNumberType.MOBILE)
                {
                    logger.LogInformation("Patient {Patient} gave a {Type} number, not a mobile: {Number}", patient, type, number); // leak TC1001 logging-objects
                    warnings.Add("not-a-mobile");
                }
                e164 = _phones.Format(number, PhoneNumberFormat.E164);
                logger.LogDebug("Mobile stored as {E164}, national form {National}", e164[..3] + "…", "0" + number.NationalNumber); // leak TC1001 strings
                span.Activity?.SetTag("demogchk.phone.prefix", e164[..3]); // clean precision-about
            }
            catch (NumberParseException ex)
            {
                warnings.Add("mobile-unparsed");
                logger.LogWarning(ex, "Mobile for {Patient} rejected: {Reason}", patient, ex.ErrorType); // clean exceptions
                logger.LogDemogchkCheckFailedEvent("phone", "rejected", patient, demogchkNote: $"could not parse '{update.Mobile}'"); // leak TC1001 generated-api
            }
        }

        if (update.FullName is { } fullName && NameCasing.NeedsFixing(fullName))
        {
            span.Activity?.SetTag("demogchk.name.recased", true); // clean precision-about
            logger.LogDebug("Re-cased {Name} for {Patient}", NameCasing.Fix(fullName), patient); // leak TC1001 direct
        }

        span.SetDemogchkOutcome(warnings.Count == 0 ? "accepted" : "review");
        Activity.Current?.AddEvent(new ActivityEvent("demographics.checked", tags: new ActivityTagsCollection { ["warnings"] = string.Join(",", warnings) })); // clean precision-names
        return new DemographicsCheckOutcome(warnings.Count == 0, standardised, e164, warnings);
    }
}

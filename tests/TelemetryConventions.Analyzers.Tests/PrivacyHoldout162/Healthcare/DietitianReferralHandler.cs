namespace PrivacyHoldout162.Healthcare;

public sealed record DietitianReferral(string ReferralId, string Mrn, string NhsNumber, string Ward, string Reason, string ClinicianStaffId);

public sealed class DietitianReferralHandler(Pseudonymizer pseudonymizer, ActivitySource source, ILogger<DietitianReferralHandler> logger)
{
    public void Handle(DietitianReferral referral)
    {
        using var span = source.StartWardmealsOperation(referral.Ward);
        span.SetWardmealsStaffId(pseudonymizer.PseudonymizeWardmealsStaffId(referral.ClinicianStaffId)); // clean precision-pseudonym
        span.SetWardmealsNote(referral.Reason); // leak TC1001 generated-api
        span.SetWardmealsNote($"Referral {referral.ReferralId}, reason length {referral.Reason.Length}"); // clean generated-api
        span.SetWardmealsPatientId(Pseudonym.FromComputed(referral.NhsNumber)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("referral.id", referral.ReferralId); // clean precision-names
        Activity.Current?.SetTag(WardmealsAttributes.Contact, referral.NhsNumber); // leak TC1001 generated-api
        Activity.Current?.SetTag("referral.clinician", referral.ClinicianStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("referral.nhs.number.valid", referral.NhsNumber.Length == 10); // clean precision-about
        logger.LogInformation("Referral {ReferralId} for patient {Patient}", referral.ReferralId, pseudonymizer.ComputeWardmealsPatientId(referral.Mrn)); // clean precision-pseudonym
        logger.LogInformation("Referral {@Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral from ward {Ward} queued", referral.Ward); // clean precision-names
    }
}

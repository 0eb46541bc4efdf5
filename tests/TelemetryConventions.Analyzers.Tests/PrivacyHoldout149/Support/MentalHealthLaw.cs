namespace Justice.MentalHealth;

// A mental health trust's legal work: tribunal applications for detained patients, non-means-tested
// legal aid for them, liaison and diversion referrals from police custody, and drug tests the trust
// runs for probation's drug rehabilitation requirements.

/// <summary>A patient detained under the Act. Prints hospital number, NHS number, name, date of birth, ward, section and since when.</summary>
public sealed record DetainedPatient(string HospitalNumber, string NhsNumber, string FullName, DateOnly DateOfBirth, string Ward, string Section, DateTime DetainedSince);

/// <summary>An application to the tribunal. Prints application id, hospital number, section, hospital, who applied and whether legal aid was granted.</summary>
public sealed record TribunalApplication(string ApplicationId, string HospitalNumber, string Section, string Hospital, string ApplicantRole, bool LegalAidGranted);

/// <summary>The hearing the tribunal listed. Prints hearing id, venue, date, panel and whether remote.</summary>
public sealed record HearingListing(string HearingId, string Venue, DateTime ListedFor, string PanelId, bool Remote);

/// <summary>The panel's decision. Prints hearing id, result, whether discharged and days deferred.</summary>
public sealed record TribunalDecision(string HearingId, string Result, bool Discharged, int DeferredDays);

/// <summary>A legal aid certificate. Prints certificate id, provider account, the solicitor's name and email, the client's National Insurance number and the cost limit.</summary>
public sealed record LegalAidCertificate(string CertificateId, string ProviderAccount, string SolicitorName, string SolicitorEmail, string ClientNino, decimal CostLimit);

public interface ITribunalPortal
{
    Task<HearingListing> SubmitAsync(TribunalApplication application, CancellationToken cancellationToken = default);

    Task<TribunalDecision?> DecisionAsync(string hearingId, CancellationToken cancellationToken = default);

    Task UploadReportAsync(string hearingId, string reportKind, byte[] pdf, CancellationToken cancellationToken = default);
}

public interface ILegalAidAgency
{
    Task<LegalAidCertificate> GrantNonMeansTestedAsync(string nino, string providerAccount, string section, CancellationToken cancellationToken = default);
}

public interface IPatientIndex
{
    Task<DetainedPatient?> FindAsync(string hospitalNumber, CancellationToken cancellationToken = default);
}

/// <summary>A statutory report is late; quotes the hospital number and the report.</summary>
public sealed class ReportOverdueException(string hospitalNumber, string reportKind) : Exception($"{reportKind} report for patient {hospitalNumber} is overdue")
{
    public string ReportKind { get; } = reportKind;
}

/// <summary>No panel sits at the venue that day; quotes the venue and date.</summary>
public sealed class PanelUnavailableException(string venue, DateOnly date) : Exception($"No panel available at {venue} on {date:yyyy-MM-dd}");

/// <summary>A referral from a custody suite. Prints referral id, suite, the detainee's name and PNC id, date of birth, the presenting need and the custody nurse's notes.</summary>
public sealed record CustodyReferral(string ReferralId, string CustodySuite, string DetaineeName, string PncId, DateOnly DateOfBirth, string PresentingNeed, string ReferralNotes);

/// <summary>The screening result. Prints referral id, pathway, whether diverted and the score.</summary>
public sealed record ScreeningOutcome(string ReferralId, string Pathway, bool DivertedFromCourt, int Score);

public interface IReferralQueue
{
    Task<CustodyReferral?> NextAsync(CancellationToken cancellationToken = default);

    Task<ScreeningOutcome> ScreenAsync(CustodyReferral referral, CancellationToken cancellationToken = default);
}

/// <summary>The detainee is already on the caseload; quotes the PNC id.</summary>
public sealed class DetaineeAlreadyReferredException(string pncId) : Exception($"Detainee {pncId} already has an open referral");

/// <summary>The suite's service is closed; quotes the suite.</summary>
public sealed class CustodySuiteClosedException(string suite) : Exception($"Liaison service at {suite} is closed");

/// <summary>A drug test sample. Prints sample id, the probation CRN, clinic, substances, result and when.</summary>
public sealed record DrugTestSample(string SampleId, string Crn, string ClinicCode, string[] Substances, bool Positive, DateTime TakenAt);

public interface IProbationCaseClient
{
    Task SendResultAsync(string crn, DrugTestSample sample, CancellationToken cancellationToken = default);
}

/// <summary>The sample's chain of custody is broken; quotes the sample.</summary>
public sealed class SampleChainBrokenException(string sampleId) : Exception($"Chain of custody broken for sample {sampleId}");

/// <summary>Probation has no case with that CRN; quotes it.</summary>
public sealed class CrnUnknownException(string crn) : Exception($"No probation case {crn}");

namespace PrivacyHoldout165.Support;

// Clinical genetics: carrier screening, family history intake and the lab's sample accessioning.

/// <summary>A genetics patient. Prints NHS number, names, date of birth, email and mobile.</summary>
public sealed record GeneticsPatient(string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string Mobile);

/// <summary>A carrier screening result. Prints result id, NHS number, panel, variant and whether the patient is a carrier.</summary>
public sealed record CarrierResult(string ResultId, string NhsNumber, string Panel, string Variant, bool IsCarrier, string CounsellorStaffId);

/// <summary>A relative named in a family history questionnaire. Prints name, relationship, condition and age at diagnosis.</summary>
public sealed record RelativeEntry(string RelativeName, string Relationship, string ConditionCode, int AgeAtDiagnosis);

/// <summary>A pedigree summary. Prints the pedigree id, generations, affected count and risk band; names no one.</summary>
public sealed record PedigreeSummary(string PedigreeId, int Generations, int AffectedRelatives, string RiskBand);

/// <summary>A swab received at the lab. Prints the sample barcode, kit id, the lab's rack position and call rate.</summary>
public sealed record SampleReceipt(string SampleBarcode, string KitId, string RackPosition, double CallRate);

/// <summary>Raw genotype calls of one person, as rsid:genotype pairs.</summary>
public sealed record GenotypeFile(string SampleBarcode, IReadOnlyList<string> Calls);

public interface IScreeningStore
{
    Task<CarrierResult?> FindAsync(string resultId, CancellationToken cancellationToken = default);

    Task<GeneticsPatient?> PatientAsync(string nhsNumber, CancellationToken cancellationToken = default);

    Task SaveHistoryAsync(string nhsNumber, IReadOnlyList<RelativeEntry> relatives, CancellationToken cancellationToken = default);
}

public interface ILabInformationSystem
{
    Task<string> AccessionAsync(SampleReceipt receipt, CancellationToken cancellationToken = default);

    Task<string?> OwnerOfKitAsync(string kitId, CancellationToken cancellationToken = default);
}

/// <summary>The patient isn't known to the service; quotes the NHS number.</summary>
public sealed class PatientNotFoundException(string nhsNumber) : Exception($"No genetics record for NHS number {nhsNumber}");

/// <summary>A sample failed quality control; quotes the barcode and the call rate.</summary>
public sealed class SampleQualityException(string sampleBarcode, double callRate) : Exception($"Sample {sampleBarcode} failed QC at call rate {callRate:P1}");

/// <summary>The patient has not consented to the panel; quotes the patient's email.</summary>
public sealed class ScreeningConsentMissingException(string email) : Exception($"No screening consent on file for {email}");

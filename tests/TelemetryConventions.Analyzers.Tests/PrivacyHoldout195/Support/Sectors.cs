namespace PrivacyHoldout195.Support;

// Each industry's side of fertility care.

// Healthcare: a clinic's scans and egg collections.
public sealed record ScanBookingRequest(string PatientNumber, string? PartnerName, string ScanType, DateTime PreferredAt, string MobileNumber);

// Education: a university's fertility leave for staff and counselling for students.
public sealed record FertilityLeaveRequest(string RequestId, string StaffNumber, string StaffName, string Email, string Department, int DaysRequested, string TreatmentStage);

public sealed record StudentCounsellingBooking(string BookingId, string StudentNumber, string StudentName, string CounsellorName, DateTime Slot, string Campus);

/// <summary>How many leave days a department granted: no person.</summary>
public sealed record DepartmentLeaveTotals(string Department, int Requests, int DaysGranted);

// Energy: a cryostore's tanks on the grid and storage consent renewals.
public sealed record TankPowerEvent(string TankId, string FeederId, string SiteCode, double BackupMinutes, IReadOnlyList<string> StrawOwners);

// Gaming: a publisher's fertility benefit for employees.
public sealed record FertilityBenefitClaim(string ClaimId, string EmployeeId, string EmployeeName, string WorkEmail, string ClinicName, decimal Amount, string TreatmentType);

public sealed record BenefitClaimReply(string ClaimId, string Status, decimal Approved);

// Media: a documentary about donor conception.
public sealed record DocumentaryContributor(string ContributorId, string FullName, string Role, string? DonorCode, bool WantsAnonymity, string Email);

public sealed record InterviewClip(string ClipId, string ContributorId, string Transcript, int Seconds, string ProgrammeId);

/// <summary>An episode's edit: things only.</summary>
public sealed record EpisodeCut(string ProgrammeId, int Episode, int Clips, int Seconds);

// Retail: an online pharmacy for fertility medicines.
public sealed record MedicationOrder(string OrderId, string CustomerId, string CustomerName, string DeliveryAddress, string Postcode, string PrescriptionId, IReadOnlyList<string> Items);

public sealed record OrderLine(string Sku, int Quantity, bool ColdChain);

// Transport: a courier of frozen embryos and gametes between clinics.
public sealed record CryoConsignment(string ConsignmentId, string FromClinic, string ToClinic, string DewarId, string PatientNumber, string? DonorCode, string RecipientName, int Straws);

public sealed record CourierLeg(string LegId, string ConsignmentId, string VanId, string DriverStaffNumber, string DriverName, DateTime DepartedAt);

public interface ILeaveSystem
{
    FertilityLeaveRequest Submit(FertilityLeaveRequest request);
}

public interface IBenefitLedger
{
    Task<BenefitClaimReply> SubmitAsync(FertilityBenefitClaim claim, CancellationToken cancellationToken);
}

public interface IContributorStore
{
    DocumentaryContributor? Find(string contributorId);

    IReadOnlyList<InterviewClip> ClipsFor(string contributorId);
}

public interface IPharmacyOrders
{
    MedicationOrder Place(MedicationOrder order);
}

public interface ICryoCourier
{
    CourierLeg Dispatch(CryoConsignment consignment);
}

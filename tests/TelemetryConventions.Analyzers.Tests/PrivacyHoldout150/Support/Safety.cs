namespace Dating.Safety;

// Reports, moderation, selfie verification and date check-ins.

/// <summary>A safety report. Prints report id, reporter's and reported member's ids, the reason and the reporter's words.</summary>
public sealed record SafetyReport(string ReportId, Guid ReporterId, Guid ReportedId, string Reason, string? Description);

/// <summary>A moderation verdict. Prints report id, action and the strike count.</summary>
public sealed record ModerationVerdict(string ReportId, string Action, int StrikeCount);

/// <summary>A selfie verification. Prints verification id, the member's id, the face match score and whether it passed.</summary>
public sealed record SelfieVerification(string VerificationId, Guid MemberId, double FaceMatchScore, bool Passed);

/// <summary>A date check-in. Prints check-in id, the member's id, the trusted contact's phone, the venue and the expected end.</summary>
public sealed record DateCheckIn(string CheckInId, Guid MemberId, string TrustedContactPhone, string VenueName, DateTimeOffset ExpectedEnd);

/// <summary>The member is banned; quotes the handle and the reason.</summary>
public sealed class MemberBannedException(string handle, string reason) : Exception($"{handle} is banned: {reason}");

/// <summary>The verification failed; quotes the verification id and a reason code.</summary>
public sealed class VerificationFailedException(string verificationId, string reasonCode) : Exception($"Verification {verificationId} failed: {reasonCode}");

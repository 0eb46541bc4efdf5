namespace PrivacyHoldout202.Support;

/// <summary>Quotes the membership number.</summary>
public sealed class MemberNotFoundException(string membershipNumber)
    : Exception($"No member with membership number {membershipNumber}");

/// <summary>Quotes the fob's UID.</summary>
public sealed class FobNotRecognisedException(string fobUid)
    : Exception($"Fob {fobUid} is not registered to any member")
{
    public string ReasonCode { get; } = "FOB_UNKNOWN";
}

/// <summary>Quotes the account number and the sort code.</summary>
public sealed class MandateRejectedException(string sortCode, string accountNumber)
    : Exception($"Bank rejected mandate for {sortCode} {accountNumber}")
{
    public string SortCode { get; } = sortCode;
}

/// <summary>Quotes the trainer's name.</summary>
public sealed class TrainerUnavailableException(string trainerName, DateTimeOffset at)
    : Exception($"{trainerName} has no free slot at {at:HH:mm}");

/// <summary>Quotes the child's name.</summary>
public sealed class ChildNotEligibleException(string childName, string stage)
    : Exception($"{childName} is not yet at {stage}");

/// <summary>Quotes a class and its capacity.</summary>
public sealed class ClassFullException(string classId, int capacity)
    : Exception($"Class {classId} is full ({capacity} places)")
{
    public string ClassId { get; } = classId;
}

/// <summary>Quotes a door.</summary>
public sealed class DoorOfflineException(string doorId)
    : Exception($"Door controller {doorId} did not answer");

/// <summary>Quotes a payment and a Bacs reason code.</summary>
public sealed class CollectionFailedException(string paymentId, string reasonCode)
    : Exception($"Payment {paymentId} failed with {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>Quotes a lesson and its pool.</summary>
public sealed class LessonFullException(string lessonId, string pool)
    : Exception($"Lesson {lessonId} at {pool} has no places");

namespace Driving.Schools;

// A driving school's diary: learners, instructors, lessons and its dual-control cars.

/// <summary>A learner. Prints id, name, email, mobile, provisional licence number and home address.</summary>
public sealed record Learner(Guid LearnerId, string Name, string Email, string Mobile, string? LicenceNumber, string? HomeAddress);

/// <summary>An approved driving instructor. Prints ADI number, name, mobile and school.</summary>
public sealed record Instructor(string AdiNumber, string Name, string Mobile, string SchoolId);

/// <summary>A lesson. Prints lesson id, learner id, ADI number, start, minutes and the pickup postcode.</summary>
public sealed record Lesson(Guid LessonId, Guid LearnerId, string AdiNumber, DateTimeOffset Start, int Minutes, string PickupPostcode);

/// <summary>A free lesson slot. Prints lesson id, school, start and minutes; names no one.</summary>
public sealed record LessonSlot(Guid LessonId, string SchoolId, DateTimeOffset Start, int Minutes);

/// <summary>One of the school's dual-control cars. Prints registration, school and model.</summary>
public sealed record DualControlCar(string Registration, string SchoolId, string Model);

/// <summary>A learner's progress card. Prints learner id, skills signed off and the instructor's comments.</summary>
public sealed record ProgressCard(Guid LearnerId, int SkillsSignedOff, string InstructorComments);

public interface ILessonDiary
{
    Task<Learner?> LearnerAsync(Guid learnerId, CancellationToken cancellationToken = default);

    Task<Instructor> InstructorAsync(string adiNumber, CancellationToken cancellationToken = default);

    Task<Lesson> BookAsync(Guid learnerId, LessonSlot slot, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Lesson>> TomorrowAsync(string schoolId, CancellationToken cancellationToken = default);
}

/// <summary>The school's texts to learners; not telemetry.</summary>
public interface ILearnerMessenger
{
    Task TextAsync(string mobile, string body, CancellationToken cancellationToken = default);
}

/// <summary>No such learner; quotes the learner's id.</summary>
public sealed class LearnerNotFoundException(Guid learnerId) : Exception($"Learner {learnerId} not found");

/// <summary>No instructor is free; quotes the school and the start.</summary>
public sealed class InstructorUnavailableException(string schoolId, DateTimeOffset start) : Exception($"No instructor free at {schoolId} for {start:u}");

/// <summary>The learner's provisional licence is not on file; quotes the learner's email.</summary>
public sealed class ProvisionalMissingException(string email) : Exception($"No provisional licence on file for {email}");

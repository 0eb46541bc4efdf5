namespace ClubHub.Swim;

// Children's swim lessons: enrolments, stages and progress badges. Records print their members.

/// <summary>A child swimmer. Prints child reference, names, date of birth, the parent's email and mobile and the medical note.</summary>
public sealed record SwimmerChild(string ChildRef, string FirstName, string LastName, DateOnly DateOfBirth, string ParentEmail, string ParentMobile, string? MedicalNote);

/// <summary>An enrolment on a lesson. Prints enrolment id, lesson id, the child's reference, stage and term.</summary>
public sealed record LessonEnrolment(string EnrolmentId, string LessonId, string ChildRef, string Stage, int Term);

/// <summary>A badge awarded. Prints the child's reference, badge code, stage, the teacher's staff id and the date.</summary>
public sealed record BadgeAward(string ChildRef, string BadgeCode, string Stage, string TeacherStaffId, DateOnly AwardedOn);

/// <summary>A lesson slot. Prints lesson id, pool, stage, day, start time and places.</summary>
public sealed record LessonSlot(string LessonId, string Pool, string Stage, DayOfWeek Day, TimeOnly Start, int Places);

public interface ISwimSchool
{
    Task<SwimmerChild?> ChildAsync(string childRef, CancellationToken cancellationToken = default);

    Task<LessonSlot> SlotAsync(string lessonId, CancellationToken cancellationToken = default);

    Task<LessonEnrolment> EnrolAsync(string lessonId, string childRef, CancellationToken cancellationToken = default);

    Task AwardAsync(BadgeAward award, CancellationToken cancellationToken = default);
}

/// <summary>The lesson is for another stage; quotes stage and lesson.</summary>
public sealed class StageMismatchException(string stage, string lessonId) : Exception($"Stage {stage} cannot join lesson {lessonId}")
{
    public string Stage { get; } = stage;
}

/// <summary>The child is not enrolled on the lesson; quotes the child's name and the lesson.</summary>
public sealed class ChildNotEnrolledException(string childName, string lessonId) : Exception($"{childName} is not enrolled on {lessonId}")
{
    public string LessonId { get; } = lessonId;
}

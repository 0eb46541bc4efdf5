using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Education;

public sealed record ParentEveningBookingRequest(string StudentNumber, string GuardianEmail, Guid SlotId, string? GuardianTimeZone, string? MessageForTeacher);

public sealed record ParentEvening(Guid Id, string SchoolCode, string YearGroup, DateOnly Date);

public sealed record ParentEveningSlot(Guid Id, Guid EveningId, string TeacherCode, string Room, DateTimeOffset Start, bool Taken);

public sealed record TeacherProfile(string StaffCode, string DisplayName, string Department);

public enum BookingResult
{
    Booked,
    Taken,
    Forbidden,
}

public interface IParentEveningStore
{
    Task<ParentEvening> GetEveningAsync(Guid eveningId, CancellationToken cancellationToken);

    Task<ParentEveningSlot> GetSlotAsync(Guid slotId, CancellationToken cancellationToken);

    Task<TeacherProfile> GetTeacherAsync(string staffCode, CancellationToken cancellationToken);

    Task TakeAsync(ParentEveningSlot slot, string studentNumber, string guardianEmail, CancellationToken cancellationToken);

    Task ReleaseAsync(Guid slotId, CancellationToken cancellationToken);
}

public interface IGuardianDirectory
{
    Task<bool> IsGuardianOfAsync(string guardianEmail, string studentNumber, CancellationToken cancellationToken);
}

/// <summary>Five-minute slots with subject teachers, booked by guardians from the parent portal.</summary>
public sealed partial class ParentEveningBookingService(
    IParentEveningStore store,
    IGuardianDirectory guardians,
    IEmailSender email,
    Pseudonymizer pseudonymizer,
    ILogger<ParentEveningBookingService> logger)
{
    private static readonly ActivitySource Source = new("School.ParentEvenings");

    public async Task<BookingResult> BookAsync(Guid eveningId, ParentEveningBookingRequest request, CancellationToken cancellationToken)
    {
        var evening = await store.GetEveningAsync(eveningId, cancellationToken);
        using var span = Source.StartBookingReserve(evening.SchoolCode, spanName: "parent_evening.book");
        span.SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("school.student", request.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("parent_evening.year_group", evening.YearGroup); // clean precision-about

        if (!await guardians.IsGuardianOfAsync(request.GuardianEmail, request.StudentNumber, cancellationToken))
        {
            LogNotGuardian(logger, request.GuardianEmail, request.StudentNumber); // leak TC1001 direct
            span.SetStatus(ActivityStatusCode.Error, "guardian not linked to student"); // clean precision-names
            return BookingResult.Forbidden;
        }

        var slot = await store.GetSlotAsync(request.SlotId, cancellationToken);
        if (slot.Taken)
        {
            span.AddBookingRejectedEvent($"slot {slot.Start:HH:mm} with {slot.TeacherCode} already taken"); // leak TC1001 generated-api
            return BookingResult.Taken;
        }

        await store.TakeAsync(slot, request.StudentNumber, request.GuardianEmail, cancellationToken);
        span.SetBookingOutcome("booked");
        Activity.Current?.SetTag("parent_evening.room", slot.Room); // clean precision-about
        Activity.Current?.SetTag("guardian.email_domain", new MailAddress(request.GuardianEmail).Host); // clean precision-about
        LogBooked(logger, slot.Id, request.StudentNumber); // clean direct

        // Boarding families book from abroad: the confirmation gives their own time.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.GuardianTimeZone ?? "Europe/London");
        var theirTime = TimeZoneInfo.ConvertTime(slot.Start, zone);
        Activity.Current?.SetTag("guardian.time_zone", zone.Id); // clean precision-names
        Activity.Current?.SetTag("guardian.utc_offset_hours", zone.GetUtcOffset(theirTime).TotalHours); // clean precision-names

        var teacher = await store.GetTeacherAsync(slot.TeacherCode, cancellationToken);
        using var message = new MailMessage("parents-evening@school.example", request.GuardianEmail)
        {
            Subject = $"Parents' evening {evening.Date:d MMMM}",
            Body = $"Your appointment with {teacher.DisplayName} is at {theirTime:HH:mm} ({zone.StandardName}), room {slot.Room}.",
        };
        await email.SendAsync(message, cancellationToken);
        logger.LogInformation("Confirmation for slot {SlotId} sent to {Recipients}", slot.Id, message.To); // leak TC1001 cross-member

        if (!string.IsNullOrWhiteSpace(request.MessageForTeacher))
        {
            logger.LogInformation("Message left for the {Department} teacher: {Message}", teacher.Department, request.MessageForTeacher); // leak TC1001 direct
        }

        return BookingResult.Booked;
    }

    public async Task CancelAsync(Guid slotId, string guardianEmail, CancellationToken cancellationToken)
    {
        await store.ReleaseAsync(slotId, cancellationToken);
        logger.LogInformation("Slot {SlotId} released by guardian {Guardian}", slotId, pseudonymizer.ComputeBookingSubjectId(guardianEmail)); // clean precision-pseudonym
        Activity.Current?.SetTag(BookingAttributes.SubjectContact, guardianEmail); // leak TC1001 generated-api
    }

    /// <summary>The day before bookings close, reminds the guardians of students nobody has booked for yet.</summary>
    public async Task NudgeUnbookedAsync(Guid eveningId, IReadOnlyList<string> unbookedGuardianEmails, CancellationToken cancellationToken)
    {
        var evening = await store.GetEveningAsync(eveningId, cancellationToken);
        Activity.Current?.SetTag("parent_evening.unbooked", unbookedGuardianEmails.Count); // clean precision-about
        logger.LogInformation("Nudging guardians for {Evening}: {Guardians}", evening.Id, string.Join(";", unbookedGuardianEmails)); // leak TC1001 strings
        foreach (var address in unbookedGuardianEmails)
        {
            using var message = new MailMessage("parents-evening@school.example", address, "Book your parents' evening appointments", "Bookings close tomorrow at 18:00.");
            await email.SendAsync(message, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "{GuardianEmail} is not a guardian of {StudentNumber}")]
    private static partial void LogNotGuardian(ILogger logger, string guardianEmail, string studentNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Slot {SlotId} booked for {StudentNumber}")]
    private static partial void LogBooked(ILogger logger, Guid slotId, [PrivateData] string studentNumber);
}

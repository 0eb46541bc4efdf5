namespace PrivacyHoldout104.Education;

public sealed record TeacherInvite(string SchoolId, string Email, string DisplayName, string Role);

/// <summary>
/// A school's admin invites teachers; accepting takes a teacher seat from the school's licence, and the
/// monthly job bills the trust for the seats its schools use.
/// </summary>
public sealed partial class TeacherSeatService(
    IInvitationStore invitations,
    IInvitationMailer mailer,
    ISeatLedger seats,
    IBillingAccounts accounts,
    IUsageRecordService usage,
    Pseudonymizer pseudonymizer,
    ILogger<TeacherSeatService> logger)
{
    private static readonly ActivitySource Source = new("SchoolHub.Seats");
    private static readonly Meter Meter = new("SchoolHub.Seats");
    private static readonly SchoolhubSeatsBilledCounter SeatsBilled = Meter.CreateSchoolhubSeatsBilledCounter();
    private static readonly Counter<long> SeatsAssigned = Meter.CreateCounter<long>("schoolhub.seats.assigned");

    [LoggerMessage(Level = LogLevel.Information, Message = "Teacher {TeacherEmail} invited to school {SchoolId} as {Role}")]
    private partial void LogInvited(string teacherEmail, string schoolId, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teacher {TeacherEmail} took seat {SeatId} at school {SchoolId}")]
    private partial void LogSeatTaken([PrivateData] string teacherEmail, string seatId, string schoolId);

    public async Task InviteAsync(TeacherInvite invite, string adminUserId)
    {
        using var span = Source.StartSchoolhubTenantAdmin(invite.SchoolId);
        var invitation = new TenantInvitation($"inv_{Guid.NewGuid():N}", invite.SchoolId, invite.Email, invite.Role, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddDays(14), adminUserId);
        await invitations.SaveAsync(invitation);
        try
        {
            await mailer.SendAsync(invite.Email, "Join your school on SchoolHub", $"https://app.schoolhub.io/join/{invitation.Token}");
        }
        catch (MailboxUnavailableException bounced)
        {
            span.RecordException(bounced, includeMessage: true).SetSchoolhubOutcome("bounced"); // leak TC1001 exceptions
            logger.LogWarning("Invitation {InvitationId} bounced: {Recipient}", invitation.Id, bounced.FailedRecipient); // leak TC1001 cross-member
            return;
        }

        LogInvited(invite.Email, invite.SchoolId, invite.Role); // leak TC1001 direct
        span.SetSchoolhubInvitationId(invitation.Id).SetSchoolhubOutcome("sent"); // clean generated-api
        span.Activity?.SetTag("schoolhub.invitation.accept_url", $"https://app.schoolhub.io/join/{invitation.Token}"); // leak TC1001 strings
        span.Activity?.SetTag("schoolhub.invitee.name", invite.DisplayName); // leak TC1001 cross-member
        span.Activity?.SetTag("schoolhub.invitee.name_length", invite.DisplayName.Length); // clean precision-about
        logger.LogInformation("Invite {@Invite}", invite with { Email = "-", DisplayName = "-" }); // clean logging-objects
    }

    public async Task TakeSeatAsync(string schoolId, string teacherId, string email)
    {
        using var span = Source.StartSchoolhubTenantAdmin(schoolId);
        var seat = await seats.AssignAsync(schoolId, teacherId, email, "teacher");
        LogSeatTaken(email, seat.SeatId, schoolId); // clean logging-objects
        span.SetSchoolhubUserId(pseudonymizer.PseudonymizeSchoolhubUserId(teacherId)); // clean precision-pseudonym
        SeatsAssigned.Add(1, new KeyValuePair<string, object?>("sku", seat.Sku), new KeyValuePair<string, object?>("schoolhub.tenant.id", schoolId)); // clean precision-names
        SeatsAssigned.Add(1, new KeyValuePair<string, object?>("teacher", pseudonymizer.ComputeSchoolhubUserId(teacherId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Seat {Seat} assigned", seat); // leak TC1001 logging-objects
    }

    public async Task BillTrustAsync(string trustId, IReadOnlyList<string> schoolIds)
    {
        using var span = Source.StartSchoolhubTenantAdmin(trustId, "schoolhub.trust.bill");
        var perSchool = new Dictionary<string, int>();
        var holders = new List<string>();
        foreach (var schoolId in schoolIds)
        {
            var active = await seats.ActiveSeatsAsync(schoolId);
            perSchool[schoolId] = active.Count;
            holders.AddRange(active.Select(s => s.UserId));
        }

        logger.LogInformation("Seats per school {PerSchool}", perSchool); // clean logging-objects
        span.SetSchoolhubSeatCount(perSchool.Values.Sum()); // clean generated-api
        span.Activity?.SetTag("schoolhub.seat.holders", holders.ToArray()); // leak TC1001 direct
        span.Activity?.SetTag("schoolhub.seat.holders.distinct", holders.Distinct().Count()); // clean precision-about
        var cohort = holders.Select(h => (h.GetHashCode() & 0x7fffffff) % 10).Distinct().Count();
        span.Activity?.SetTag("schoolhub.seat.cohorts", cohort); // clean precision-about

        var account = await accounts.ForTenantAsync(trustId);
        if (account is not null)
        {
            try
            {
                await usage.CreateAsync(account.SubscriptionItemId, new UsageRecordCreateOptions { Quantity = perSchool.Values.Sum(), Timestamp = DateTime.UtcNow });
                SeatsBilled.Add(perSchool.Values.Sum(), trustId, account.Plan, "billed"); // clean generated-api
            }
            catch (StripeException ex)
            {
                logger.LogError(ex, "Usage record refused ({Code}, {Param})", ex.StripeError.Code, ex.StripeError.Param); // clean exceptions
                SeatsBilled.Add(0, trustId, account.Plan, ex.StripeError.Code); // clean generated-api
            }
        }
    }
}

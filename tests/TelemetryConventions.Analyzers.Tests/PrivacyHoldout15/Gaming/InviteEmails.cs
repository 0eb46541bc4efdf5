using System.Diagnostics;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Gaming;

public sealed record InviteEmailModel(string InviterGamertag, string FriendName, Uri JoinLink);

public static partial class InviteLog
{
    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Invite email sent by {InviterGamertag} to {FriendEmail}")]
    public static partial void InviteSent(this ILogger logger, string inviterGamertag, string friendEmail);

    [LoggerMessage(EventId = 311, Level = LogLevel.Information, Message = "Invite email {InviteId} sent with template {Template}")]
    public static partial void InviteSentQuietly(this ILogger logger, Guid inviteId, string template);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "Invite {InviteId} refused by SMTP server with {Status}")]
    public static partial void InviteRefused(this ILogger logger, Guid inviteId, SmtpStatusCode status);
}

/// <summary>Emails an invitation from a player to a friend who does not play yet.</summary>
public sealed class InviteEmailSender(SmtpClient smtp, ITemplateRenderer templates, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<InviteEmailSender> logger)
{
    private const string Template = "Invites/Friend";

    public async Task SendAsync(Guid inviteId, Player inviter, string friendEmail, string friendName, CancellationToken cancellationToken)
    {
        var link = new Uri($"https://play.example/join?invite={inviteId:N}&ref={Uri.EscapeDataString(inviter.Gamertag)}");
        var html = await templates.RenderAsync(Template, new InviteEmailModel(inviter.Gamertag, friendName, link));

        using var mail = new MailMessage("invites@play.example", friendEmail, $"{inviter.Gamertag} invited you to Arena", html) { IsBodyHtml = true };
        Activity.Current?.SetTag("invite.link", link.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("invite.id", inviteId.ToString("N")); // clean precision-names
        Activity.Current?.SetTag("invite.html_length", html.Length);

        try
        {
            await smtp.SendMailAsync(mail, cancellationToken); // clean direct
            logger.InviteSent(inviter.Gamertag, friendEmail); // leak TC1001 direct
            logger.InviteSentQuietly(inviteId, Template); // clean precision-names
        }
        catch (SmtpFailedRecipientException ex)
        {
            logger.InviteRefused(inviteId, ex.StatusCode); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }

        var friendKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(friendEmail.ToLowerInvariant())));
        logger.LogDebug("Invite {InviteId} recorded for friend key {FriendKey}", inviteId, friendKey); // clean hashes
        var legacyKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(friendEmail.ToLowerInvariant())));
        Activity.Current?.SetTag("invite.friend_hash", legacyKey); // leak TC1002 hashes
        Activity.Current?.SetTag("invite.subject", mail.Subject); // leak TC1001 strings
        Activity.Current?.SetTag("invite.inviter", pseudonymizer.ComputeNotifyRecipientId(inviter.Id.ToString())); // clean precision-pseudonym
    }
}

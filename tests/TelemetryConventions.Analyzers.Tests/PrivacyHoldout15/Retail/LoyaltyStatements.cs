using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.SendGrid;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Retail;

public sealed record LoyaltyMember(string LoyaltyCardNumber, string CustomerNumber, string FirstName, string LastName, string Email, int Points, string Tier);

public interface ILoyaltyStore
{
    IAsyncEnumerable<LoyaltyMember> MembersWithStatementsAsync(DateOnly month, CancellationToken cancellationToken);
}

/// <summary>Monthly points statement: renders a PDF per member, stores it and emails it.</summary>
public sealed class LoyaltyStatementRun(ILoyaltyStore members, ITemplateRenderer templates, IPdfRenderer pdf, IBlobStore blobs, ISendGridClient sendGrid, Pseudonymizer pseudonymizer, ILogger<LoyaltyStatementRun> logger)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty.Statements");

    public async Task RunAsync(DateOnly month, CancellationToken cancellationToken)
    {
        using var run = Source.StartJobRun("loyalty-statements");
        var sent = 0;
        await foreach (var member in members.MembersWithStatementsAsync(month, cancellationToken))
        {
            var fileName = $"{member.LastName}-{member.FirstName}-statement-{month:yyyy-MM}.pdf";
            var html = await templates.RenderAsync("Loyalty/Statement", member);
            var bytes = await pdf.RenderAsync(html);
            var blob = await blobs.UploadAsync("statements", $"{month:yyyy-MM}/{member.LoyaltyCardNumber}.pdf", bytes, "application/pdf");
            run.Activity?.AddEvent(new ActivityEvent("statement.stored", tags: new ActivityTagsCollection { ["blob"] = blob.ToString() })); // leak TC1001 strings
            run.Activity?.AddEvent(new ActivityEvent("statement.rendered", tags: new ActivityTagsCollection { ["file"] = fileName, ["bytes"] = bytes.Length })); // leak TC1001 strings

            var message = new SendGridMessage { From = new EmailAddress("loyalty@shop.example"), TemplateId = "d-loyalty-statement" };
            message.AddTo(member.Email, member.FirstName);
            message.AddAttachment(fileName, Convert.ToBase64String(bytes));
            var response = await sendGrid.SendEmailAsync(message, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Statement for card {CardNumber} not accepted: {Status}", member.LoyaltyCardNumber, response.StatusCode); // leak TC1001 direct
                logger.LogWarning("Statement for card ending {CardLast4} not accepted: {Status}", member.LoyaltyCardNumber[^4..], response.StatusCode); // clean precision-about
                continue;
            }

            logger.LogDebug("Statement for {Tier} member {Member} sent with {Points} points", member.Tier, pseudonymizer.ComputeNotifyRecipientId(member.CustomerNumber), member.Points); // clean precision-pseudonym
            logger.LogDebug("Statement message {@Message}", message); // leak TC1001 logging-objects
            sent++;
        }

        run.SetJobItemCount(sent).SetJobOutcome($"{sent} statements for {month:yyyy-MM}"); // clean strings
    }
}

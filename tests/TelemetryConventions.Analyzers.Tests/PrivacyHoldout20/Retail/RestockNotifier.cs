using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.SNSEvents;

namespace PrivacyHoldout20.Retail;

public sealed record BackInStock(string Sku, string StoreId, int Quantity, IReadOnlyList<string> WaitingCustomerEmails);

public interface IMailer
{
    Task SendAsync(string to, string subject, string body);
}

/// <summary>Subscribed to the <c>inventory-restocked</c> SNS topic.</summary>
public sealed class RestockNotifier(IMailer mailer)
{
    public async Task Handle(SNSEvent snsEvent, ILambdaContext context)
    {
        foreach (var record in snsEvent.Records)
        {
            var sns = record.Sns;
            context.Logger.LogInformation($"SNS {sns.MessageId} from {sns.TopicArn}: {sns.Subject}"); // clean precision-names
            var restock = JsonSerializer.Deserialize<BackInStock>(sns.Message)!;
            context.Logger.LogInformation($"{restock.Sku} back in store {restock.StoreId}, {restock.WaitingCustomerEmails.Count} waiting"); // clean precision-about

            foreach (var email in restock.WaitingCustomerEmails)
            {
                try
                {
                    await mailer.SendAsync(email, $"{restock.Sku} is back", "It is back in stock.");
                }
                catch (Exception ex)
                {
                    context.Logger.LogWarning($"Mail to {email} failed: {ex.GetType().Name}"); // leak TC1001 strings
                }
            }

            context.Logger.LogLine(sns.Message); // leak TC1001 cross-member
            if (sns.MessageAttributes.TryGetValue("priority", out var priority))
            {
                context.Logger.LogInformation($"Priority {priority.Value}"); // clean precision-names
            }
        }
    }
}

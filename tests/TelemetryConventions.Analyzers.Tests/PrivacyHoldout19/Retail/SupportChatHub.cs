using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Retail;

public sealed record ChatMessageReceived(Guid ConversationId, string SenderId, string Body, DateTimeOffset At);

public sealed record ConversationSummary(Guid ConversationId, int Messages, TimeSpan Duration, string Team, bool Resolved);

public interface IAgentRouter
{
    Task<SupportAgent> AssignAsync(Guid conversationId, CancellationToken cancellationToken);
}

/// <summary>Customer support chat in the shopping app: customers and agents share a conversation group.</summary>
[Authorize]
public sealed class SupportChatHub(IAgentRouter router, ILogger<SupportChatHub> logger, Pseudonymizer pseudonymizer, TimeProvider clock) : Hub
{
    private string Role => Context.User?.IsInRole("agent") == true ? "agent" : "customer";

    public async Task OpenConversation(Guid conversationId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"conversation-{conversationId}");
        logger.LogInformation("{Role} joined conversation {ConversationId} on {ConnectionId}", Role, conversationId, Context.ConnectionId); // clean precision-names
        if (Role == "customer")
        {
            var agent = await router.AssignAsync(conversationId, Context.ConnectionAborted);
            logger.LogInformation("Conversation {ConversationId} assigned to team {Team}", conversationId, agent.Team); // clean precision-about
            logger.LogInformation("Conversation {ConversationId} assigned to {AgentUpn}", conversationId, agent.Upn); // leak TC1001 direct
        }
    }

    public async Task Send(Guid conversationId, string body)
    {
        var message = new ChatMessageReceived(conversationId, Context.UserIdentifier!, body, clock.GetUtcNow());
        await Clients.OthersInGroup($"conversation-{conversationId}").SendAsync("message", Role, body);
        using var span = ShopTelemetry.Source.StartRealtimeInvocation("support-chat").SetRealtimeChannel($"conversation-{conversationId}").SetRealtimeMessageLength(body.Length); // clean generated-api
        logger.LogDebug("Message received: {Message}", message); // leak TC1001 logging-objects
        if (Role == "customer")
        {
            logger.LogInformation("Customer {Email} wrote in {ConversationId}", Context.User?.FindFirst(ClaimTypes.Email)?.Value, conversationId); // leak TC1001 direct
            span.SetRealtimeParticipantId(pseudonymizer.PseudonymizeRealtimeParticipantId(Context.UserIdentifier!)); // clean precision-pseudonym
        }
    }

    public Task Typing(Guid conversationId)
    {
        logger.LogTrace("Typing in {ConversationId} by the {Role}", conversationId, Role); // clean precision-names
        return Clients.OthersInGroup($"conversation-{conversationId}").SendAsync("typing", Role);
    }

    public Task Close(Guid conversationId, int messages, TimeSpan duration, string team, bool resolved)
    {
        var summary = new ConversationSummary(conversationId, messages, duration, team, resolved);
        logger.LogInformation("Conversation closed: {@Summary}", summary); // clean logging-objects
        Activity.Current?.SetTag(RealtimeAttributes.ParticipantContact, pseudonymizer.ComputeRealtimeParticipantId(Context.User?.FindFirst(ClaimTypes.Email)?.Value ?? "")); // leak TC1001 precision-pseudonym
        return Clients.Group($"conversation-{conversationId}").SendAsync("closed");
    }
}

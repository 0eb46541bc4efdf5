using System.Diagnostics;

namespace PrivacyHoldout24.Retail;

/// <summary>Span events the shop's assistants add for each tool the model calls.</summary>
public static class AssistantTracing
{
    public static void TraceToolCall(this Activity? activity, string tool, string argument)
    {
        if (activity is null || !activity.IsAllDataRequested)
        {
            return;
        }

        activity.AddEvent(new ActivityEvent("shop.assistant.tool", tags: new ActivityTagsCollection { ["tool"] = tool, ["argument"] = argument }));
    }
}

using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Discovery;

public sealed class InstanceExtrasTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Rules_added_and_removed_on_the_command_line_show_in_the_api()
    {
        var text = RandomNames.Unique("Be kind ");
        var added = (await Cluster.RunCliAsync(["rules", "add", text, "--hint", "no harassment", "--priority", "-1000"])).EnsureSuccess();
        var id = added.Text.Split(' ', '.')[2];
        var listed = (await Cluster.RunCliAsync(["rules", "list"])).EnsureSuccess();

        var rules = Json(await Cluster.Api.GetAsync("/api/v1/instance/rules")).AsArray();
        var v2 = Json(await Cluster.Api.GetAsync("/api/v2/instance"))["rules"]!.AsArray();
        var v1 = Json(await Cluster.Api.GetAsync("/api/v1/instance"))["rules"]!.AsArray();

        Assert.That(listed.Text, Does.Contain(text));
        Assert.That(rules.Single(r => r!["id"]!.GetValue<string>() == id)!["text"]!.GetValue<string>(), Is.EqualTo(text));
        Assert.That(rules.Single(r => r!["id"]!.GetValue<string>() == id)!["hint"]!.GetValue<string>(), Is.EqualTo("no harassment"));
        Assert.That(v2.Select(r => r!["id"]!.GetValue<string>()), Does.Contain(id));
        Assert.That(v1.Select(r => r!["id"]!.GetValue<string>()), Does.Contain(id));

        (await Cluster.RunCliAsync(["rules", "remove", id])).EnsureSuccess();
        var again = await Cluster.RunCliAsync(["rules", "remove", id]);

        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/instance/rules")).AsArray().Select(r => r!["id"]!.GetValue<string>()), Does.Not.Contain(id));
    }

    [Test]
    public async Task The_documents_apps_read_at_start_answer_in_Mastodons_shapes()
    {
        var user = await Cluster.Users.SignUpAsync();
        await PostAsync(user, "counted this week");

        var activity = Json(await Cluster.Api.GetAsync("/api/v1/instance/activity")).AsArray();
        var thumbnail = Json(await Cluster.Api.GetAsync("/api/v2/instance"))["thumbnail"]!["url"]!.GetValue<string>();
        var image = await Cluster.Api.GetAsync(new Uri(thumbnail).PathAndQuery);

        Assert.That(activity, Has.Count.EqualTo(12));
        Assert.That(long.Parse(activity[0]!["statuses"]!.GetValue<string>()), Is.GreaterThanOrEqualTo(1));
        Assert.That(long.Parse(activity[0]!["week"]!.GetValue<string>()), Is.GreaterThan(long.Parse(activity[1]!["week"]!.GetValue<string>())));
        Assert.That(image.Status, Is.EqualTo(200));
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/instance/peers")).AsArray(), Is.Empty);
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/instance/translation_languages")).AsObject(), Is.Empty);
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/instance/languages")).AsArray().Select(l => l!["code"]!.GetValue<string>()), Does.Contain("en"));
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/instance/extended_description"))["content"], Is.Not.Null);
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/custom_emojis")).AsArray(), Is.Empty);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Users;

/// <summary>/api/users: policy admins manage everyone, locality admins their locality only, nobody their own rights.</summary>
public sealed class UserAdministrationTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    public const string NewPassword = "Kaishi2024x";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    public static JsonObject Reviewer(string userName, string locality = "bazhou", string org = "bazhou/education", params string[] taskRoles) => new()
    {
        ["userName"] = userName, ["displayName"] = "新审核人", ["password"] = NewPassword, ["roles"] = new JsonArray("reviewer"),
        ["locality"] = locality, ["org"] = org, ["taskRoles"] = new JsonArray(taskRoles.Select(r => (JsonNode)r).ToArray()),
    };

    private async Task<ApiClient> SignInAsync(string userName, string password)
    {
        var client = factory.Client(userName);
        await client.SignInAsync(password);
        return client;
    }

    [Fact]
    public async Task A_policy_admin_creates_a_reviewer_who_signs_in_with_the_organisation_and_task_roles_given()
    {
        var admin = await factory.SignInAsync("admin");
        var name = Unique("edu-clerk");
        var created = (await admin.PostAsync("/api/users", Reviewer(name, taskRoles: ["reviewer", "committee"]))).Expect(HttpStatusCode.Created);
        Assert.Equal("bazhou/education", created["org"]!.GetValue<string>());
        Assert.False(created["disabled"]!.GetValue<bool>());

        var me = await (await SignInAsync(name, NewPassword)).GetOkAsync("/api/auth/me");
        Assert.Equal(["committee", "reviewer"], me["taskRoles"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal("bazhou", me["locality"]!.GetValue<string>());

        var found = await admin.GetOkAsync($"/api/users?q={name}&role=reviewer&org=bazhou/education");
        Assert.Equal(1, found["total"]!.GetValue<int>());
        Assert.Equal(name, found["items"]![0]!["userName"]!.GetValue<string>());
        Assert.Equal(0, (await admin.GetOkAsync($"/api/users?q={name}&role=applicant"))["total"]!.GetValue<int>());
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "userName", "\"admin\"", "$.userName" },
        { "userName", "\"a b\"", "$.userName" },
        { "roles", "[\"superuser\"]", "$.roles[0]" },
        { "roles", "[]", "$.roles" },
        { "locality", "\"atlantis\"", "$.locality" },
        { "password", "\"short1\"", "$.password" },
        { "password", "\"onlyletters\"", "$.password" },
        { "password", "\"12345678901\"", "$.password" },
        { "taskRoles", "[\"overlord\"]", "$.taskRoles[0]" },
        { "org", "\"kashgar/education\"", "$.org" },
        { "org", "null", "$.org" },
        { "phone", "\"12345\"", "$.phone" },
        { "displayName", "\"  \"", "$.displayName" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_gets_422_naming_it_and_creates_nobody(string field, string value, string path)
    {
        var admin = await factory.SignInAsync("admin");
        var body = Reviewer(Unique("bad"));
        body[field] = JsonNode.Parse(value);
        var response = await admin.PostAsync("/api/users", body);
        var problem = response.Expect((HttpStatusCode)422);
        Assert.Contains(path, problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem["detail"]!.GetValue<string>());
        if (field != "userName") (await admin.GetAsync($"/api/users/{body["userName"]}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_password_containing_the_user_name_is_refused()
    {
        var admin = await factory.SignInAsync("admin");
        var name = Unique("zhang");
        var body = Reviewer(name);
        body["password"] = name + "99";
        var problem = (await admin.PostAsync("/api/users", body)).Expect((HttpStatusCode)422);
        Assert.Contains("用户名", problem["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_locality_admin_manages_only_their_locality_and_never_admins_or_auditors()
    {
        var bazhou = await factory.SignInAsync("bazhou-admin");
        var list = await bazhou.GetOkAsync("/api/users?pageSize=200");
        var localities = list["items"]!.AsArray().Select(u => u!["locality"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(["bazhou"], localities);
        Assert.DoesNotContain(list["items"]!.AsArray(), u => u!["roles"]!.AsArray().Any(r => r!.GetValue<string>() is "policy-admin" or "auditor"));
        Assert.Contains(list["items"]!.AsArray(), u => u!["userName"]!.GetValue<string>() == "bazhou-reviewer-education");

        (await bazhou.GetAsync("/api/users/kashgar-admin")).Expect(HttpStatusCode.NotFound);
        (await bazhou.GetAsync("/api/users/admin")).Expect(HttpStatusCode.NotFound);
        (await bazhou.PutAsync("/api/users/auditor", new JsonObject { ["disabled"] = true })).Expect(HttpStatusCode.NotFound);
        (await bazhou.PutAsync("/api/users/kashgar-applicant", new JsonObject { ["displayName"] = "改" })).Expect(HttpStatusCode.NotFound);
        (await bazhou.PostAsync("/api/users/kashgar-applicant/reset-password")).Expect(HttpStatusCode.NotFound);
        (await bazhou.PostAsync("/api/users", Reviewer(Unique("elsewhere"), "kashgar", "kashgar/education"))).Expect(HttpStatusCode.Forbidden);
        var escalation = Reviewer(Unique("boss"));
        escalation["roles"] = new JsonArray("policy-admin");
        escalation["locality"] = "";
        (await bazhou.PostAsync("/api/users", escalation)).Expect(HttpStatusCode.Forbidden);
        var auditor = Reviewer(Unique("watcher"));
        auditor["roles"] = new JsonArray("auditor", "reviewer");
        (await bazhou.PostAsync("/api/users", auditor)).Expect(HttpStatusCode.Forbidden);

        // Within Bazhou: allowed, and the user stays in Bazhou.
        var clerk = Unique("bz-clerk");
        (await bazhou.PostAsync("/api/users", Reviewer(clerk, taskRoles: "reviewer"))).Expect(HttpStatusCode.Created);
        (await bazhou.PutAsync($"/api/users/{clerk}", new JsonObject { ["locality"] = "kashgar", ["org"] = "kashgar/education" })).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("bazhou", (await bazhou.GetOkAsync($"/api/users/{clerk}"))["locality"]!.GetValue<string>());

        foreach (var outsider in new[] { "bazhou-reviewer-education", "bazhou-applicant", "auditor" })
            (await (await factory.SignInAsync(outsider)).GetAsync("/api/users")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Nobody_changes_their_own_rights()
    {
        var bazhou = await factory.SignInAsync("bazhou-admin");
        var self = new JsonObject { ["roles"] = new JsonArray("locality-admin", "reviewer"), ["org"] = "bazhou/education", ["taskRoles"] = new JsonArray("committee") };
        (await bazhou.PutAsync("/api/users/bazhou-admin", self)).Expect(HttpStatusCode.Forbidden);
        (await bazhou.PutAsync("/api/users/bazhou-admin", new JsonObject { ["disabled"] = true })).Expect(HttpStatusCode.Forbidden);
        var admin = await factory.SignInAsync("admin");
        (await admin.PutAsync("/api/users/admin", new JsonObject { ["roles"] = new JsonArray("policy-admin", "auditor") })).Expect(HttpStatusCode.Forbidden);
        var me = await bazhou.GetOkAsync("/api/users/bazhou-admin");
        Assert.Equal(["locality-admin"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        // One's own name is no right.
        (await bazhou.PutAsync("/api/users/bazhou-admin", new JsonObject { ["displayName"] = "巴州管理员" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_at_once_and_enabling_lets_them_back()
    {
        var admin = await factory.SignInAsync("admin");
        var name = Unique("to-disable");
        (await admin.PostAsync("/api/users", Reviewer(name, taskRoles: "reviewer"))).Expect(HttpStatusCode.Created);
        var user = await SignInAsync(name, NewPassword);
        await user.GetOkAsync("/api/auth/me");

        var disabled = (await admin.PutAsync($"/api/users/{name}", new JsonObject { ["disabled"] = true })).Expect(HttpStatusCode.OK);
        Assert.True(disabled["disabled"]!.GetValue<bool>());
        (await user.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await factory.Client().PostAsync("/api/auth/login", new JsonObject { ["userName"] = name, ["password"] = NewPassword })).Expect(HttpStatusCode.Unauthorized);

        (await admin.PutAsync($"/api/users/{name}", new JsonObject { ["disabled"] = false })).Expect(HttpStatusCode.OK);
        await (await SignInAsync(name, NewPassword)).GetOkAsync("/api/auth/me");
    }

    [Fact]
    public async Task Changing_a_users_task_roles_ends_their_session_and_the_new_one_carries_the_new_roles()
    {
        var admin = await factory.SignInAsync("admin");
        var name = Unique("roles");
        (await admin.PostAsync("/api/users", Reviewer(name, taskRoles: "reviewer"))).Expect(HttpStatusCode.Created);
        var user = await SignInAsync(name, NewPassword);
        (await admin.PutAsync($"/api/users/{name}", new JsonObject { ["taskRoles"] = new JsonArray() })).Expect(HttpStatusCode.OK);
        (await user.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        var again = await (await SignInAsync(name, NewPassword)).GetOkAsync("/api/auth/me");
        Assert.Empty(again["taskRoles"]!.AsArray());
    }

    [Fact]
    public async Task An_admin_reset_gives_a_one_time_password_that_must_be_changed_before_anything_else()
    {
        var admin = await factory.SignInAsync("admin");
        var name = Unique("forgetful");
        (await admin.PostAsync("/api/users", Reviewer(name, taskRoles: "reviewer"))).Expect(HttpStatusCode.Created);
        var before = await SignInAsync(name, NewPassword);

        var reset = (await admin.PostAsync($"/api/users/{name}/reset-password")).Expect(HttpStatusCode.OK);
        var temporary = reset["temporaryPassword"]!.GetValue<string>();
        (await before.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await factory.Client().PostAsync("/api/auth/login", new JsonObject { ["userName"] = name, ["password"] = NewPassword })).Expect(HttpStatusCode.Unauthorized);

        var user = await SignInAsync(name, temporary);
        Assert.True((await user.GetOkAsync("/api/auth/me"))["mustChangePassword"]!.GetValue<bool>());
        var blocked = await user.GetAsync("/api/tasks");
        blocked.Expect(HttpStatusCode.Forbidden);
        Assert.Contains("修改密码", blocked.Text);

        (await user.PostAsync("/api/auth/change-password", new JsonObject { ["currentPassword"] = temporary, ["newPassword"] = "Xinmima2025" }))
            .Expect(HttpStatusCode.NoContent);
        var after = await SignInAsync(name, "Xinmima2025");
        Assert.False((await after.GetOkAsync("/api/auth/me"))["mustChangePassword"]!.GetValue<bool>());
        (await after.GetAsync("/api/tasks")).Expect(HttpStatusCode.OK);
        Assert.False((await admin.GetOkAsync($"/api/users/{name}"))["mustChangePassword"]!.GetValue<bool>());

        // A password the admin chooses must meet the policy too.
        (await admin.PostAsync($"/api/users/{name}/reset-password", new JsonObject { ["password"] = "abc" })).Expect((HttpStatusCode)422);
    }

    [Fact]
    public async Task Changing_ones_password_checks_the_current_one_and_the_policy_and_ends_the_other_sessions()
    {
        var admin = await factory.SignInAsync("admin");
        var name = Unique("changer");
        (await admin.PostAsync("/api/users", Reviewer(name, taskRoles: "reviewer"))).Expect(HttpStatusCode.Created);
        var user = await SignInAsync(name, NewPassword);
        var elsewhere = await SignInAsync(name, NewPassword);

        var wrong = (await user.PostAsync("/api/auth/change-password", new JsonObject { ["currentPassword"] = "Wrong12345", ["newPassword"] = "Xinmima2025" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.currentPassword", wrong["errors"]![0]!["path"]!.GetValue<string>());
        var weak = (await user.PostAsync("/api/auth/change-password", new JsonObject { ["currentPassword"] = NewPassword, ["newPassword"] = "abcdefgh" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.newPassword", weak["errors"]![0]!["path"]!.GetValue<string>());
        await elsewhere.GetOkAsync("/api/auth/me");

        (await user.PostAsync("/api/auth/change-password", new JsonObject { ["currentPassword"] = NewPassword, ["newPassword"] = "Xinmima2025" }))
            .Expect(HttpStatusCode.NoContent);
        (await elsewhere.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await factory.Client().PostAsync("/api/auth/login", new JsonObject { ["userName"] = name, ["password"] = NewPassword })).Expect(HttpStatusCode.Unauthorized);
        await (await SignInAsync(name, "Xinmima2025")).GetOkAsync("/api/auth/me");
    }

    [Fact]
    public async Task Malformed_bodies_get_4xx_never_500()
    {
        var admin = await factory.SignInAsync("admin");
        foreach (var body in new[] { "{", "[]", "{\"roles\":\"reviewer\"}", "{\"disabled\":\"yes\"}", "null" })
        {
            var post = await admin.SendRawAsync(HttpMethod.Post, "/api/users", body);
            var put = await admin.SendRawAsync(HttpMethod.Put, "/api/users/bazhou-applicant", body);
            Assert.InRange((int)post.Status, 400, 422);
            Assert.InRange((int)put.Status, 400, 422);
        }
        var register = await factory.Client().SendRawAsync(HttpMethod.Post, "/api/auth/register", "{\"userName\":5}");
        Assert.InRange((int)register.Status, 400, 422);
    }
}

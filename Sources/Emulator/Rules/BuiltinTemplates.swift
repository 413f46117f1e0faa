import HogctlJSON

/// The built-in catalog. Keys and input types are the facts users depend on; wording and code are
/// written for the emulator.
enum BuiltinTemplates {
  static let all: [JSONValue] = [webhook, slack, dropEvents, removeProperties, legacyWebhook]

  static func template(
    id: String, name: String, description: String, type: String = "destination",
    status: String = "stable", category: [JSONValue], icon: String, code: String,
    inputsSchema: [JSONValue], filters: JSONValue = nil
  ) -> JSONValue {
    [
      "id": .string(id), "name": .string(name), "description": .string(description),
      "code": .string(code), "code_language": "hog", "inputs_schema": .array(inputsSchema),
      "type": .string(type), "status": .string(status), "category": .array(category), "free": true,
      "icon_url": .string(IconCatalog.url(for: icon)), "filters": filters, "masking": nil,
      "mapping_templates": nil,
    ]
  }

  static let webhook = template(
    id: "template-webhook", name: "HTTP Webhook",
    description: "Send each matching event to any HTTP endpoint.",
    category: ["Custom"], icon: "webhook",
    code: """
      let payload := {
        'headers': inputs.headers,
        'body': inputs.body,
        'method': inputs.method
      }
      if (inputs.debug) {
        print('Sending request', inputs.url, payload)
      }
      let response := fetch(inputs.url, payload)
      if (inputs.debug) {
        print('Response', response.status, response.body)
      }
      """,
    inputsSchema: [
      ["key": "url", "type": "string", "label": "Endpoint URL", "secret": false, "required": true],
      [
        "key": "method", "type": "choice", "label": "Method", "default": "POST", "required": false,
        "choices": .array(
          ["POST", "PUT", "PATCH", "GET", "DELETE"].map { ["label": .string($0), "value": .string($0)] }),
      ],
      [
        "key": "body", "type": "json", "label": "JSON body", "required": false,
        "default": ["event": "{event}", "person": "{person}"],
      ],
      [
        "key": "headers", "type": "dictionary", "label": "Headers", "required": false,
        "default": ["Content-Type": "application/json"],
      ],
      [
        "key": "debug", "type": "boolean", "label": "Log requests and responses", "required": false,
        "default": false,
      ],
    ])

  static let slack = template(
    id: "template-slack", name: "Slack",
    description: "Post a message to a Slack channel for each matching event.",
    category: ["Customer Success"], icon: "slack.com",
    code: """
      let response := fetch('https://slack.com/api/chat.postMessage', {
        'body': {
          'channel': inputs.channel,
          'icon_emoji': inputs.icon_emoji,
          'username': inputs.username,
          'blocks': inputs.blocks,
          'text': inputs.text
        },
        'method': 'POST',
        'headers': {
          'Authorization': f'Bearer {inputs.slack_workspace.access_token}',
          'Content-Type': 'application/json'
        }
      })
      if (response.status != 200 or response.body.ok == false) {
        throw Error(f'Slack refused the message: {response.status}')
      }
      """,
    inputsSchema: [
      [
        "key": "slack_workspace", "type": "integration", "integration": "slack",
        "label": "Slack workspace", "required": true, "secret": false,
        "requiredScopes": "channels:read groups:read chat:write chat:write.customize",
      ],
      [
        "key": "channel", "type": "integration_field", "integration_key": "slack_workspace",
        "integration_field": "slack_channel", "label": "Channel", "required": true, "secret": false,
      ],
      [
        "key": "icon_emoji", "type": "string", "label": "Emoji icon", "default": ":hedgehog:",
        "required": false,
      ],
      ["key": "username", "type": "string", "label": "Bot name", "default": "PostHog", "required": false],
      [
        "key": "blocks", "type": "json", "label": "Blocks", "required": false,
        "default": [
          [
            "type": "section",
            "text": ["type": "mrkdwn", "text": "*{person.name}* did *{event.event}*"],
          ]
        ],
      ],
      [
        "key": "text", "type": "string", "label": "Plain text (notifications)", "required": false,
        "default": "*{person.name}* did *{event.event}*",
      ],
    ])

  static let dropEvents = template(
    id: "template-drop-events", name: "Drop events",
    description: "Discard the events that match the filters.",
    type: "transformation", category: ["Custom"], icon: "posthog.com",
    code: """
      // Events reach this code only when they match the filters; returning null drops them.
      return null
      """,
    inputsSchema: [],
    filters: ["events": [["id": "$drop_me", "name": "$drop_me", "type": "events", "order": 0]]])

  static let removeProperties = template(
    id: "template-remove-properties", name: "Remove properties",
    description: "Delete the listed properties from each event before it is stored.",
    type: "transformation", category: ["Custom"], icon: "posthog.com",
    code: """
      let result := event
      for (let key in splitByString(',', inputs.properties)) {
        let name := trim(key)
        if (notEmpty(name)) {
          result.properties[name] := null
        }
      }
      return result
      """,
    inputsSchema: [
      [
        "key": "properties", "type": "string", "label": "Properties to remove (comma separated)",
        "required": true, "secret": false,
      ]
    ])

  static let legacyWebhook = template(
    id: "template-webhook-legacy", name: "HTTP Webhook (legacy)",
    description: "The first webhook template; use template-webhook instead.",
    status: "deprecated", category: ["Custom"], icon: "webhook",
    code: "fetch(inputs.url, {'method': 'POST', 'body': event})",
    inputsSchema: [["key": "url", "type": "string", "label": "Endpoint URL", "required": true]])
}

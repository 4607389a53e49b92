-- Default message texts that read right whatever the charger is called ("no carregador Vaga 3", not "no Vaga 3"),
-- and the fault alert that names the fault in words. Only templates still holding the old default text change:
-- an administrator's edits are kept.
update notification_template set body = 'Olá, {{nome}}! O carregamento do seu veículo no carregador {{carregador}} começou em {{data}}. Avisaremos quando terminar. {{localizacao}}', updated_at = now()
 where kind = 'CHARGING_STARTED' and body = 'Olá, {{nome}}! O carregamento do seu veículo no {{carregador}} começou em {{data}}. Avisaremos quando terminar. {{localizacao}}';
update notification_template set body = 'Olá, {{nome}}! Seu veículo parou de consumir energia no carregador {{carregador}} em {{data}}. Até agora: {{energia}} em {{duracao}}.', updated_at = now()
 where kind = 'IDLE_STARTED' and body = 'Olá, {{nome}}! Seu veículo parou de consumir energia no {{carregador}} em {{data}}. Até agora: {{energia}} em {{duracao}}.';
update notification_template set body = 'Olá, {{nome}}! A bateria do seu veículo está carregada no carregador {{carregador}}: {{energia}} em {{duracao}}. Por favor, libere a vaga para o próximo morador.', updated_at = now()
 where kind = 'BATTERY_FULL' and body = 'Olá, {{nome}}! A bateria do seu veículo está carregada no {{carregador}}: {{energia}} em {{duracao}}. Por favor, libere a vaga para o próximo morador.';
update notification_template set body = 'Olá, {{nome}}! O carregamento no carregador {{carregador}} foi interrompido em {{data}} ({{energia}} em {{duracao}}). Verifique o seu veículo.', updated_at = now()
 where kind = 'CHARGING_INTERRUPTED' and body = 'Olá, {{nome}}! O carregamento no {{carregador}} foi interrompido em {{data}} ({{energia}} em {{duracao}}). Verifique o seu veículo.';
update notification_template set body = '{{localizacao}}: o carregador {{carregador}} apresentou {{erro}} em {{data}}.', updated_at = now()
 where kind = 'CHARGER_FAULTED' and body = '{{localizacao}}: o {{carregador}} apresentou falha ({{erro}}) em {{data}}.';
update notification_template set body = '{{localizacao}}: a falha do carregador {{carregador}} foi resolvida em {{data}}.', updated_at = now()
 where kind = 'CHARGER_FAULT_CLEARED' and body = '{{localizacao}}: a falha do {{carregador}} foi resolvida em {{data}}.';
update notification_template set body = '{{localizacao}}: o carregador {{carregador}} está sem comunicação desde {{data}}.', updated_at = now()
 where kind = 'CHARGER_OFFLINE' and body = '{{localizacao}}: o {{carregador}} está sem comunicação desde {{data}}.';
update notification_template set body = '{{localizacao}}: o carregador {{carregador}} voltou a se comunicar em {{data}}.', updated_at = now()
 where kind = 'CHARGER_BACK_ONLINE' and body = '{{localizacao}}: o {{carregador}} voltou a se comunicar em {{data}}.';
update notification_template set body = '{{localizacao}}: o carregamento no carregador {{carregador}} ({{apartamento}}) está aberto há {{duracao}}. Verifique o carregador.', updated_at = now()
 where kind = 'SESSION_STUCK' and body = '{{localizacao}}: o carregamento no {{carregador}} ({{apartamento}}) está aberto há {{duracao}}. Verifique o carregador.';
update notification_template set body = '{{localizacao}}: o carregamento travado no carregador {{carregador}} foi encerrado em {{data}}.', updated_at = now()
 where kind = 'SESSION_STUCK_CLEARED' and body = '{{localizacao}}: o carregamento travado no {{carregador}} foi encerrado em {{data}}.';
update notification_template set body = '{{localizacao}}: a tag RFID {{tag}} usada no carregador {{carregador}} em {{data}} não pertence a nenhum morador. Cadastre-a no VETRIC.', updated_at = now()
 where kind = 'UNIDENTIFIED_TAG' and body = '{{localizacao}}: a tag RFID {{tag}} usada no {{carregador}} em {{data}} não pertence a nenhum morador. Cadastre-a no VETRIC.';
